package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.MediaType;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.internal.AtomicFiles;
import org.mmrarebench.examples.cli.TestHooks;
import org.mmrarebench.scoring.openai.OpenAiChatClient;
import org.mmrarebench.scoring.run.RunDirectory;

/**
 * Issue 9: every way a run could lose data, pay twice, leak a secret, hang or report failure as
 * success, tried on purpose. Each test failed on the 0.1 main.
 */
class FailureModesTest extends LoopbackServerTests {
  static final String KEY = "sk-test-SECRET-4f2a9c";

  static Prompt textPrompt() {
    return Prompt.of(List.of(new Prompt.Text("hello")));
  }

  // ---- data loss and corruption ----

  @Test
  void mergeIntoOneOfItsInputsIsRefusedAndTheShardIsKept(@TempDir Path tmp) throws IOException {
    Path sh0 = tmp.resolve("sh0");
    Path sh1 = tmp.resolve("sh1");
    assertEquals(0, CliTest.run("evaluate", "--shard", "0/2", "--out", sh0.toString(), "--quiet", "--resamples", "50")
        .code());
    assertEquals(0, CliTest.run("evaluate", "--shard", "1/2", "--out", sh1.toString(), "--quiet", "--resamples", "50")
        .code());
    String journal = Files.readString(sh0.resolve("journal.jsonl"));
    CliTest.Run m = CliTest.run("merge", "--out", sh0.toString(), sh0.toString(), sh1.toString());
    assertEquals(1, m.code());
    assertTrue(m.err().contains("it is one of the inputs"), m.err());
    assertEquals(journal, Files.readString(sh0.resolve("journal.jsonl")));
    CliTest.Run ok = CliTest.run("merge", "--out", tmp.resolve("m").toString(), sh0.toString(), sh1.toString());
    assertEquals(0, ok.code(), ok.err());
    assertEquals(Files.readAllLines(sh0.resolve("journal.jsonl")).size() + Files.readAllLines(sh1.resolve(
        "journal.jsonl")).size(), Files.readAllLines(tmp.resolve("m/journal.jsonl")).size());
    assertNoTemporaryFiles(tmp);
  }

  @Test
  void aSecondProcessOnTheSameRunDirectoryStopsAtOnceNamingTheHolder(@TempDir Path tmp) throws Exception {
    server.latencyMillis = 50;
    Path run = tmp.resolve("run");
    String[] args = {"evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--quiet", "--resamples", "50",
        "--concurrency", "1", "--out", run.toString()};
    Process first = RunnerTest.child(args);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (RunnerTest.lines(run.resolve("journal.jsonl")) < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      int before = server.attempts.get();
      CliTest.Run second = CliTest.run(args);
      assertEquals(1, second.code());
      assertTrue(second.err().contains("in use by another process (pid " + first.pid()), second.err());
      assertTrue(server.attempts.get() - before < 48, "the second process paid for nothing");
      assertTrue(first.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, first.exitValue());
    } finally {
      first.destroyForcibly();
    }
    assertEquals(48, server.attempts.get(), "every item was asked once");
    // the lock is released with the process: the same command now resumes (nothing asked again)
    assertEquals(0, CliTest.run(args).code());
    assertEquals(48, server.attempts.get());
  }

  @Test
  void waitForLockWaitsForTheHolder(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    Map<String, Object> id = RunDirectory.identity(Benchmark.embedded(), "all", "x", java.util.Optional.empty(),
        org.mmrarebench.scoring.ScoringMode.COMPAT, GenerationSettings.defaults(), java.util.Optional.empty(),
        org.mmrarebench.scoring.Bootstrap.DEFAULT);
    RunDirectory held = RunDirectory.open(run, id, Duration.ZERO);
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RunDirectory.open(run, id, Duration.ZERO));
    assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
    Thread release = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException ignored) {
        // test thread
      }
      held.close();
    });
    release.start();
    try (RunDirectory again = RunDirectory.open(run, id, Duration.ofSeconds(20))) {
      assertEquals(run, again.path());
    }
    release.join();
  }

  @Test
  void aFailedWriteKeepsThePreviousFileAndLeavesNoTemporaryFile(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("leaderboard.md");
    AtomicFiles.writeString(f, "previous report\n");
    MmrareException e = assertThrows(MmrareException.class, () -> AtomicFiles.write(f, w -> {
      w.write("half of the new rep");
      throw new IOException("No space left on device");
    }));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertEquals("previous report\n", Files.readString(f));
    assertNoTemporaryFiles(tmp);
  }

  @Test
  void aReportWriterKilledAtAnyMomentLeavesWholeFilesAndItsLeftoversAreSweptLater(@TempDir Path tmp)
      throws Exception {
    Path run = tmp.resolve("run");
    assertEquals(0, CliTest.run("evaluate", "--out", run.toString(), "--quiet", "--resamples", "50").code());
    Path rep = tmp.resolve("rep");
    assertEquals(0, CliTest.run("report", run.toString(), "--out", rep.toString(), "--resamples", "50").code());
    for (long delay : new long[] {150, 300, 450, 600, 750, 900}) {
      Process p = RunnerTest.child("report", run.toString(), "--out", rep.toString(), "--resamples", "20000");
      Thread.sleep(delay);
      p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      // whatever moment the kill came, each file is a whole report: the old one or the new one
      assertTrue(Files.readString(rep.resolve("report.html")).endsWith("</html>\n"));
      assertTrue(Files.readString(rep.resolve("leaderboard.md")).startsWith("# MMRareBench leaderboard"));
      assertTrue(Files.readString(rep.resolve("leaderboard.md")).contains("Fallback runs (no judge)"));
    }
    // a leftover older than a live writer's is swept by the next successful write
    Path stale = rep.resolve(".report.html.0123abcd.tmp");
    Files.writeString(stale, "half a report");
    Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
        - 3_600_000L));
    assertEquals(0, CliTest.run("report", run.toString(), "--out", rep.toString(), "--resamples", "50").code());
    assertFalse(Files.exists(stale));
  }

  @Test
  void aJournalWithoutRunJsonIsNotReused(@TempDir Path tmp) throws IOException {
    Path run = tmp.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("journal.jsonl"),
        "{\"type\":\"generation\",\"track\":\"diagnosis\",\"index\":\"0\",\"prediction\":\"from another model\"}\n");
    CliTest.Run r = CliTest.run("evaluate", "--out", run.toString(), "--quiet", "--resamples", "50");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("journal.jsonl but no run.json"), r.err());
  }

  @Test
  void outputsRespectTheUmask(@TempDir Path tmp) throws IOException {
    Path run = tmp.resolve("run");
    assertEquals(0, CliTest.run("evaluate", "--out", run.toString(), "--quiet", "--resamples", "50", "--cache",
        tmp.resolve("cache").toString()).code());
    // the JVM's umask is inherited; 0022 (the usual) must give group and others read access
    for (Path f : List.of(run.resolve("metrics.json"), run.resolve("items.jsonl"), run.resolve("report.html"),
        run.resolve("run.json"))) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
      assertTrue(perms.contains(PosixFilePermission.GROUP_READ) && perms.contains(PosixFilePermission.OTHERS_READ),
          f + " " + perms);
    }
  }

  // ---- secrets ----

  @Test
  void aKeyWithWindowsLineEndingsIsStrippedAndAnEchoedKeyIsRedacted(@TempDir Path tmp) throws IOException {
    var saved = TestHooks.setEnv(Map.of("MMRARE_TEST_KEY", KEY + "\r\n")::get);
    try {
      server.mode = FakeOpenAiServer.Mode.ECHO_AUTH_500;
      Path run = tmp.resolve("run");
      CliTest.Run r = CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--api-key-env",
          "MMRARE_TEST_KEY", "--max-attempts", "1", "--track", "diagnosis", "--out", run.toString(), "--resamples",
          "50", "--quiet");
      assertEquals(3, r.code(), r.err());
      assertTrue(r.err().contains("12 of 12 items ended with an error"), r.err());
      assertTrue(r.err().contains("[REDACTED]"), r.err());
      assertNoSecretAnywhere(tmp, r);
      // an extra header's value (Azure-style api-key) is redacted from echoes too
      server.mode = FakeOpenAiServer.Mode.ECHO_AUTH_500;
      CliTest.Run h = CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--header",
          "Authorization-Echo=ignored", "--header", "api-key=hdr-SECRET-4f2a9c", "--max-attempts", "1", "--track",
          "diagnosis", "--out", tmp.resolve("run3").toString(), "--resamples", "50", "--quiet");
      assertEquals(3, h.code(), h.err());
      assertNoSecretAnywhere(tmp, h);
      server.mode = FakeOpenAiServer.Mode.ECHO_AUTH_401;
      CliTest.Run r2 = CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--api-key-env",
          "MMRARE_TEST_KEY", "--track", "diagnosis", "--out", tmp.resolve("run2").toString(), "--quiet");
      assertEquals(1, r2.code());
      assertTrue(r2.err().contains("refused the credentials"), r2.err());
      assertNoSecretAnywhere(tmp, r2);
      assertTrue(server.requests.isEmpty() || true);
    } finally {
      TestHooks.setEnv(saved);
    }
  }

  @Test
  void baseUrlQueryStaysOnTheRequestAndUserInfoAndQueryValuesAreNeverRecorded(@TempDir Path tmp) throws IOException {
    String base = server.baseUrl().replace("http://", "http://alice:pa55word@") + "?api-version=2024-06-01&key=qk123";
    Path run = tmp.resolve("run");
    CliTest.Run r = CliTest.run("evaluate", "--base-url", base, "--model", "fake-vlm", "--track", "diagnosis", "--out",
        run.toString(), "--resamples", "50", "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(server.targets.stream().allMatch(t -> t.equals("/v1/chat/completions?api-version=2024-06-01&key=qk123")),
        server.targets.toString());
    assertTrue(server.requests.stream().allMatch(q -> q.headers().get("authorization").startsWith("Basic ")));
    JsonObject runJson = org.mmrarebench.scoring.internal.JsonFiles.readObject(run.resolve("run.json"));
    assertTrue(runJson.getString("model").endsWith("@http://***@127.0.0.1:" + server.baseUrl().split(":")[2]
        + "?api-version=***&key=***"), runJson.getString("model"));
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        for (String secret : List.of("pa55word", "qk123", "2024-06-01")) {
          assertFalse(text.contains(secret), secret + " leaked into " + f);
        }
      }
    }
    assertFalse(r.out().contains("pa55word") || r.out().contains("qk123"));
  }

  // ---- hangs and unbounded resources ----

  @Test
  void aHugeResponseBodyFailsThatCallWithoutExhaustingTheHeap() {
    server.mode = FakeOpenAiServer.Mode.HUGE_BODY;
    server.hugeBytes = 8L << 20;
    OpenAiChatClient c = client().maxResponseBytes(1 << 20).maxAttempts(1).build();
    MmrareException e = assertThrows(MmrareException.class, () -> c.generate(textPrompt(), GenerationSettings.defaults()));
    assertTrue(e.getMessage().contains("exceeded 1048576 bytes"), e.getMessage());
  }

  @Test
  void theTimeoutCoversATricklingBody() {
    server.mode = FakeOpenAiServer.Mode.SLOW_BODY;
    OpenAiChatClient c = client().timeout(Duration.ofMillis(800)).maxAttempts(1).build();
    long start = System.nanoTime();
    MmrareException e = assertThrows(MmrareException.class, () -> c.generate(textPrompt(), GenerationSettings.defaults()));
    assertTrue(e.getMessage().contains("timed out after 800 ms"), e.getMessage());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "gave up long before the body ended");
  }

  @Test
  void retryAfterBeyondTheCapFailsWithTheServersWait() {
    server.mode = FakeOpenAiServer.Mode.LONG_RETRY_AFTER;
    OpenAiChatClient c = client().maxRetryWait(Duration.ofSeconds(2)).build();
    MmrareException e = assertThrows(MmrareException.class, () -> c.generate(textPrompt(), GenerationSettings.defaults()));
    assertTrue(e.getMessage().contains("asked to wait 120 s"), e.getMessage());
    assertEquals(1, server.attempts.get(), "not retried sooner than the server asked");
  }

  @Test
  void anImageTooLargeIsRefusedFromItsKnownSizeWithoutReadingIt() {
    ImageRef huge = ImageRef.lazy("big.jpg", ImageRef.Origin.PATH, "/data/big.jpg", 300L << 20, MediaType.JPEG, () -> {
      throw new AssertionError("the image was read");
    });
    Prompt p = Prompt.of(List.of(new Prompt.Image(huge), new Prompt.Text("what is it?")));
    MmrareException e = assertThrows(MmrareException.class,
        () -> client().maxPayloadBytes(50L << 20).build().generate(p, GenerationSettings.defaults()));
    assertTrue(e.getMessage().contains("Refused before sending"), e.getMessage());
    assertEquals(0, server.attempts.get());
  }

  @Test
  void aCellTooLargeForTheHeapEndsWithAMessageNamingTheFile(@TempDir Path tmp) throws Exception {
    Path dx = Files.createDirectories(tmp.resolve("release/diagnosis")).resolve("diagnosis_opened.tsv");
    try (var w = Files.newBufferedWriter(dx)) {
      w.write("index\tquestion\tanswer\tcontext\timage\tanswer_aliases\tORPHA_code\tcategory\n0\tq\ta\t");
      char[] chunk = new char[1 << 20];
      java.util.Arrays.fill(chunk, 'x');
      for (int i = 0; i < 150; i++) {
        w.write(chunk);
      }
      w.write("\t\t\t58\tcat\n");
    }
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), "org.mmrarebench.examples.cli.MmrareCli", "validate", "--data",
        tmp.resolve("release").toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.contains("Ran out of memory reading " + dx) && out.contains("-Xmx"), out);
    assertFalse(out.contains("at org.") || out.contains("CompletionException"), "no stack trace: " + out);
  }

  // ---- failure is never success ----

  @Test
  void itemErrorsExitThreeUnlessAllowed(@TempDir Path tmp) throws IOException {
    server.mode = FakeOpenAiServer.Mode.ALWAYS_500;
    String[] args = {"evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--max-attempts", "1",
        "--track", "treatment", "--quiet", "--resamples", "50"};
    CliTest.Run r = CliTest.run(RunnerTest.concat(args, "--out", tmp.resolve("a").toString()));
    assertEquals(3, r.code());
    assertTrue(r.err().contains("MODEL_ERROR: MmrareException: HTTP 500"), r.err());
    CliTest.Run allowed = CliTest.run(RunnerTest.concat(args, "--out", tmp.resolve("b").toString(), "--allow-errors"));
    assertEquals(0, allowed.code());
  }

  @Test
  void anUnreachableServerOrRefusedKeyFailsFastWithStatusFailed(@TempDir Path tmp) throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path run = tmp.resolve("run");
    CliTest.Run r = CliTest.run("evaluate", "--base-url", "http://127.0.0.1:" + port + "/v1", "--model", "m",
        "--max-attempts", "2", "--quiet", "--resamples", "50", "--out", run.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("is the server running"), r.err());
    JsonObject runJson = org.mmrarebench.scoring.internal.JsonFiles.readObject(run.resolve("run.json"));
    assertEquals("failed", runJson.getString("status"));
    assertTrue(runJson.getString("error").contains("Connect"), runJson.getString("error"));
    server.mode = FakeOpenAiServer.Mode.REDIRECT;
    CliTest.Run red = CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "m", "--quiet",
        "--concurrency", "1", "--out", tmp.resolve("red").toString());
    assertEquals(1, red.code());
    assertTrue(red.err().contains("redirect to http://example.invalid"), red.err());
    assertTrue(server.attempts.get() <= 2, "stopped at the first item: " + server.attempts.get());
  }

  @Test
  void comparingTheFallbackWithAJudgedRunOrOtherDataIsRefused(@TempDir Path tmp) throws IOException {
    Path fallback = tmp.resolve("fallback");
    Path judged = tmp.resolve("judged");
    assertEquals(0, CliTest.run("evaluate", "--out", fallback.toString(), "--quiet", "--resamples", "50").code());
    assertEquals(0, CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--judge-base-url",
        server.baseUrl(), "--judge-model", "fake-judge", "--out", judged.toString(), "--quiet", "--resamples", "50")
        .code());
    CliTest.Run r = CliTest.run("compare", fallback.toString(), judged.toString(), "--resamples", "50");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("diagnosis: run A reports the no-judge fallback (diagnosis_f1), run B a judged score"
        + " (diagnosis_judge_score)"), r.err());
    CliTest.Run forced = CliTest.run("compare", fallback.toString(), judged.toString(), "--resamples", "50", "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(forced.out().contains("NOT COMPARABLE (--force)"), forced.out());
    // the same data, other bytes: a run on a copy of the sample with one answer changed
    Path data = tmp.resolve("data");
    CliTest.Run fx = CliTest.run("fixture", "--out", data.toString(), "--image-kb", "1");
    assertEquals(0, fx.code(), fx.err());
    Path other = tmp.resolve("other");
    assertEquals(0, CliTest.run("evaluate", "--data", data.toString(), "--track", "diagnosis", "--out",
        other.toString(), "--quiet", "--resamples", "50").code());
    CliTest.Run diff = CliTest.run("compare", fallback.toString(), other.toString(), "--resamples", "50");
    assertEquals(1, diff.code());
    assertTrue(diff.err().contains("different diagnosis data"), diff.err());
    CliTest.Run rep = CliTest.run("report", fallback.toString(), other.toString(), "--out", tmp.resolve("rep")
        .toString(), "--resamples", "50");
    assertEquals(1, rep.code());
    assertTrue(rep.err().contains("different diagnosis data"), rep.err());
    CliTest.Run repForced = CliTest.run("report", fallback.toString(), judged.toString(), other.toString(), "--out",
        tmp.resolve("rep").toString(), "--resamples", "50", "--force");
    assertEquals(0, repForced.code(), repForced.err());
    String html = Files.readString(tmp.resolve("rep/report.html"));
    assertTrue(html.contains("not comparable: run A reports the no-judge fallback (diagnosis_f1)"));
    assertTrue(html.contains("not comparable: dashed bars are the no-judge fallback"), "bar charts say it");
    assertTrue(html.contains("Not comparable on one axis"), "the radar says it");
  }

  // ---- damaged state is repaired ----

  @Test
  void journalRecordsThatAreNotRecordsAreSkippedWithAWarning(@TempDir Path tmp) throws IOException {
    Path run = tmp.resolve("run");
    String[] args = {"evaluate", "--out", run.toString(), "--quiet", "--resamples", "50"};
    assertEquals(0, CliTest.run(args).code());
    String metrics = Files.readString(run.resolve("metrics.json"));
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(run.resolve("journal.jsonl")));
    lines.add(1, "{}");
    lines.add(2, "{\"type\": null}");
    lines.add(3, "{\"type\":\"generation\",\"track\":\"diagnosis\",\"index\":\"0\"}");
    lines.add(4, "{\"type\":\"generation\",\"track\":\"dermatology\",\"index\":\"0\",\"prediction\":\"x\"}");
    lines.add(5, "[1, 2]");
    Files.write(run.resolve("journal.jsonl"), lines);
    CliTest.Run r = CliTest.run(args);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("journal.jsonl, line 2: skipped a journal record (no \"type\" string)"), r.err());
    assertTrue(r.err().contains("line 5: skipped a journal record (no known \"track\")"), r.err());
    assertEquals(metrics, Files.readString(run.resolve("metrics.json")));
  }

  @Test
  void damagedCacheEntriesAreMissesAndAnUnwritableCacheIsBypassed(@TempDir Path tmp) throws IOException {
    Path cache = tmp.resolve("cache");
    String[] common = {"evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--track", "diagnosis",
        "--quiet", "--resamples", "50", "--cache", cache.toString()};
    assertEquals(0, CliTest.run(RunnerTest.concat(common, "--out", tmp.resolve("a").toString())).code());
    int asked = server.attempts.get();
    List<Path> entries;
    try (Stream<Path> s = Files.walk(cache)) {
      entries = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    String[] damage = {"{}", "{\"text\": null}", "{\"text\": 3}", "[]", "not json", "{\"text\": \"\"}"};
    for (int i = 0; i < entries.size(); i++) {
      Files.writeString(entries.get(i), damage[i % damage.length]);
    }
    CliTest.Run r = CliTest.run(RunnerTest.concat(common, "--out", tmp.resolve("b").toString()));
    assertEquals(0, r.code(), r.err());
    assertEquals(asked * 2, server.attempts.get(), "every damaged entry was a miss, asked again");

    Path notADir = tmp.resolve("file-not-dir");
    Files.writeString(notADir, "x");
    CliTest.Run u = CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--track",
        "diagnosis", "--quiet", "--resamples", "50", "--cache", notADir.toString(), "--out",
        tmp.resolve("c").toString());
    assertEquals(0, u.code(), u.err());
    assertTrue(u.err().contains("cannot be written"), u.err());
    assertEquals(1, u.err().split("cannot be written", -1).length - 1, "warned once");
  }

  static void assertNoSecretAnywhere(Path tmp, CliTest.Run r) throws IOException {
    assertFalse(r.out().contains(KEY) || r.err().contains(KEY), "key printed");
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(f).contains("SECRET-4f2a9c"), "the API key leaked into " + f);
      }
    }
  }

  static void assertNoTemporaryFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> tmps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")
          || p.getFileName().toString().contains(".merge-")).toList();
      assertTrue(tmps.isEmpty(), "left behind: " + tmps);
    }
  }
}
