package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Evaluation;
import org.mmrarebench.scoring.EvaluationResult;
import org.mmrarebench.scoring.ItemStatus;
import org.mmrarebench.scoring.Scoring;
import org.mmrarebench.scoring.ScoringMode;
import org.mmrarebench.scoring.internal.JsonP;
import org.mmrarebench.scoring.openai.OpenAiChatClient;

/** The runner and the OpenAI-compatible client against a loopback server with injected faults. */
class RunnerTest extends LoopbackServerTests {
  @Test
  void requestBodiesCarryImagesInOrderWithMediaTypes() {
    BenchmarkItem item = Benchmark.embedded().track(Track.CROSSMODAL).items().get(0);
    Prompt prompt = Prompts.reference(item);
    var resp = client().build().generate(prompt, GenerationSettings.defaults().withTemperature(0.2).withMaxTokens(99));
    assertTrue(resp.text().startsWith("Answer "));
    assertEquals(100, resp.promptTokens().getAsLong());
    JsonObject body = server.requests.get(0).body();
    assertEquals("fake-vlm", body.getString("model"));
    assertEquals(99, body.getInt("max_tokens"));
    JsonArray content = body.getJsonArray("messages").getJsonObject(0).getJsonArray("content");
    assertEquals(prompt.parts().size(), content.size());
    int images = 0;
    for (int i = 0; i < content.size(); i++) {
      JsonObject part = content.getJsonObject(i);
      if (prompt.parts().get(i) instanceof Prompt.Text t) {
        assertEquals("text", part.getString("type"));
        assertEquals(t.text(), part.getString("text"));
      } else {
        images++;
        assertEquals("image_url", part.getString("type"));
        assertTrue(part.getJsonObject("image_url").getString("url").startsWith("data:image/png;base64,iVBOR"));
      }
    }
    assertEquals(item.images().size(), images);
  }

  @Test
  void retriesOnFaultsAndHonoursRetryAfter() {
    server.faults.addAll(List.of(FakeOpenAiServer.Fault.RATE_LIMITED, FakeOpenAiServer.Fault.SERVER_ERROR,
        FakeOpenAiServer.Fault.DROP, FakeOpenAiServer.Fault.MALFORMED, FakeOpenAiServer.Fault.EMPTY_CHOICES));
    long start = System.nanoTime();
    String reply = client().maxAttempts(6).build().reply("0", "Say YES. Reply with ONLY three YES or NO answers");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(reply.contains("YES"));
    assertEquals(6, server.attempts.get());
    assertTrue(ms >= 1000, "waited for Retry-After: 1 (took " + ms + " ms)");
  }

  @Test
  void givesUpAfterMaxAttemptsAndRecordsAModelError(@TempDir Path tmp) {
    for (int i = 0; i < 100; i++) {
      server.faults.add(FakeOpenAiServer.Fault.SERVER_ERROR);
    }
    Benchmark one = Benchmark.embedded().track(Track.TREATMENT).sample(2, 1);
    EvaluationResult r = Evaluation.builder().model(client().maxAttempts(3).build())
        .scoring(Scoring.builder().mode(ScoringMode.STRICT).build()).journal(tmp.resolve("journal.jsonl")).build()
        .run(one);
    assertEquals(2, r.items().size());
    r.items().forEach(i -> {
      assertEquals(ItemStatus.MODEL_ERROR, i.status());
      assertTrue(i.score().isEmpty(), "strict mode never scores a model failure as 0");
      assertTrue(i.message().orElseThrow().contains("HTTP 500"), i.message().toString());
    });
    assertEquals(6, server.attempts.get());
  }

  @Test
  void preflightRefusesOversizedRequestsBeforeSending() {
    BenchmarkItem item = Benchmark.embedded().track(Track.DIAGNOSIS).items().get(0);
    MmrareException e = assertThrows(MmrareException.class,
        () -> client().maxImages(1).build().generate(Prompts.reference(item), GenerationSettings.defaults()));
    assertTrue(e.getMessage().contains("Refused before sending"));
    assertThrows(MmrareException.class, () -> client().maxPayloadBytes(1000).build()
        .generate(Prompts.reference(item), GenerationSettings.defaults()));
    assertEquals(0, server.attempts.get());
  }

  @Test
  void apiKeyIsSentButWrittenNowhere(@TempDir Path tmp) throws IOException {
    String key = "sk-test-SECRET-4f2a9c";
    var saved = org.mmrarebench.examples.cli.TestHooks.setEnv(Map.of("MMRARE_TEST_KEY", key)::get);
    try {
      Path run = tmp.resolve("run");
      CliTest.Run r = CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--api-key-env",
          "MMRARE_TEST_KEY", "--judge-base-url", server.baseUrl(), "--judge-model", "fake-judge", "--judge-api-key-env",
          "MMRARE_TEST_KEY", "--mode", "strict", "--track", "diagnosis", "--out", run.toString(), "--resamples", "100",
          "--quiet", "--cache", tmp.resolve("cache").toString());
      assertEquals(0, r.code(), r.err());
      assertTrue(server.requests.stream().allMatch(q -> ("Bearer " + key).equals(q.headers().get("authorization"))));
      assertFalse(r.out().contains(key) || r.err().contains(key));
      try (Stream<Path> files = Files.walk(tmp)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(Files.readString(f).contains(key), "the API key leaked into " + f);
        }
      }
      JsonObject metrics = org.mmrarebench.scoring.internal.JsonFiles.readObject(run.resolve("metrics.json")).getJsonObject("tracks")
          .getJsonObject("diagnosis");
      assertEquals(12, metrics.getInt("n_scored"));
      assertTrue(metrics.containsKey("diagnosis_judge_score"));
    } finally {
      org.mmrarebench.examples.cli.TestHooks.setEnv(saved);
    }
  }

  @Test
  void warmCacheRerunAsksNothingAgain(@TempDir Path tmp) {
    String[] common = {"evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--judge-base-url",
        server.baseUrl(), "--judge-model", "fake-judge", "--mode", "strict", "--resamples", "100", "--quiet",
        "--cache", tmp.resolve("cache").toString()};
    assertEquals(0, CliTest.run(concat(common, "--out", tmp.resolve("a").toString())).code());
    int asked = server.attempts.get();
    assertEquals(96, asked, "48 generations and 48 judge calls");
    CliTest.Run b = CliTest.run(concat(common, "--out", tmp.resolve("b").toString()));
    assertEquals(0, b.code(), b.err());
    assertEquals(asked, server.attempts.get(), "a warm cache answers everything");
    JsonObject run = org.mmrarebench.scoring.internal.JsonFiles.readObject(tmp.resolve("b/run.json"));
    assertEquals(96, run.getJsonObject("cache").getInt("hits"));
  }

  @Test
  void shardsMergeToTheUnshardedRunAndMismatchesAreRefused(@TempDir Path tmp) throws IOException {
    String[] common = {"evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--resamples", "300",
        "--quiet"};
    assertEquals(0, CliTest.run(concat(common, "--out", tmp.resolve("full").toString())).code());
    assertEquals(0, CliTest.run(concat(common, "--out", tmp.resolve("s0").toString(), "--shard", "0/2")).code());
    var saved = org.mmrarebench.examples.cli.TestHooks.setEnv(Map.of("JOB_COMPLETION_INDEX", "1")::get);
    try {
      assertEquals(0, CliTest.run(concat(common, "--out", tmp.resolve("s1").toString(), "--shard", "auto/2")).code());
    } finally {
      org.mmrarebench.examples.cli.TestHooks.setEnv(saved);
    }
    CliTest.Run m = CliTest.run("merge", "--out", tmp.resolve("merged").toString(), tmp.resolve("s1").toString(),
        tmp.resolve("s0").toString());
    assertEquals(0, m.code(), m.err());
    assertEquals(Files.readString(tmp.resolve("full/metrics.json")), Files.readString(tmp.resolve("merged/metrics.json")));
    assertEquals(Files.readString(tmp.resolve("full/items.jsonl")), Files.readString(tmp.resolve("merged/items.jsonl")));
    assertEquals(0, CliTest.run("evaluate", "--out", tmp.resolve("other").toString(), "--shard", "1/2", "--quiet",
        "--resamples", "300").code());
    CliTest.Run bad = CliTest.run("merge", "--out", tmp.resolve("bad").toString(), tmp.resolve("s0").toString(),
        tmp.resolve("other").toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("Refusing to merge"), bad.err());
  }

  @Test
  void sigkilledRunsResumeToTheSameResult(@TempDir Path tmp) throws Exception {
    server.latencyMillis = 40;
    String[] common = {"evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--judge-base-url",
        server.baseUrl(), "--judge-model", "fake-judge", "--mode", "strict", "--resamples", "300", "--quiet",
        "--concurrency", "4"};
    assertEquals(0, CliTest.run(concat(common, "--out", tmp.resolve("clean").toString())).code());
    Path run = tmp.resolve("killed");
    Path journal = run.resolve("journal.jsonl");
    for (int killAt : new int[] {3, 30, 61}) {
      Process p = child(concat(common, "--out", run.toString()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines(journal) < killAt && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
    // a torn last line, as a kill in the middle of a write leaves it
    Files.writeString(journal, "{\"type\":\"generation\",\"track\":\"diagn", java.nio.file.StandardOpenOption.APPEND);
    Process last = child(concat(common, "--out", run.toString()));
    assertTrue(last.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, last.exitValue(), new String(last.getErrorStream().readAllBytes()));
    List<String> items = Files.readAllLines(run.resolve("items.jsonl"));
    Set<String> ids = new HashSet<>();
    for (String l : items) {
      JsonObject o = JsonP.PROVIDER.createReader(new java.io.StringReader(l)).readObject();
      assertTrue(ids.add(o.getString("track") + "/" + o.getString("index")), "item twice: " + l);
    }
    assertEquals(48, ids.size());
    assertEquals(Files.readString(tmp.resolve("clean/metrics.json")), Files.readString(run.resolve("metrics.json")));
    JsonObject manifest = org.mmrarebench.scoring.internal.JsonFiles.readObject(run.resolve("run.json"));
    assertEquals("complete", manifest.getString("status"));
    assertEquals(1, manifest.getJsonObject("resume").getInt("torn_lines_dropped"));
  }

  @Test
  void ctrlCLeavesAnInterruptedRunThatResumes(@TempDir Path tmp) throws Exception {
    server.latencyMillis = 60;
    String[] args = {"evaluate", "--base-url", server.baseUrl(), "--model", "fake-vlm", "--resamples", "100",
        "--quiet", "--concurrency", "2", "--out", tmp.resolve("run").toString()};
    Process p = child(args);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(tmp.resolve("run/journal.jsonl")) < 5 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: shutdown hooks run
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals("interrupted", org.mmrarebench.scoring.internal.JsonFiles.readObject(tmp.resolve("run/run.json")).getString("status"));
    long journaled = lines(tmp.resolve("run/journal.jsonl"));
    int asked = server.attempts.get();
    CliTest.Run resumed = CliTest.run(args);
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals("complete", org.mmrarebench.scoring.internal.JsonFiles.readObject(tmp.resolve("run/run.json")).getString("status"));
    assertTrue(server.attempts.get() - asked <= 48 - journaled + 2, "finished work is not asked again");
  }

  static long lines(Path f) throws IOException {
    if (!Files.exists(f)) {
      return 0;
    }
    try (Stream<String> s = Files.lines(f)) {
      return s.count();
    } catch (java.io.UncheckedIOException e) {
      return 0;
    }
  }

  static Process child(String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "org.mmrarebench.examples.cli.MmrareCli"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
