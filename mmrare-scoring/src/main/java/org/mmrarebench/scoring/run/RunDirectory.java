package org.mmrarebench.scoring.run;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.internal.AtomicFiles;
import org.mmrarebench.core.internal.Secrets;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.EvaluationResult;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.ItemStatus;
import org.mmrarebench.scoring.ResultsJson;
import org.mmrarebench.scoring.ScoringMode;
import org.mmrarebench.scoring.TrackMetrics;
import org.mmrarebench.scoring.internal.JsonFiles;
import org.mmrarebench.scoring.report.Reports;
import org.mmrarebench.scoring.report.RunSummary;

/**
 * A run directory and its lifecycle - what {@code mmrare evaluate} and {@code mmrare merge} do, as
 * API: {@code run.json} (identity, status, counts), {@code journal.jsonl}, {@code metrics.json},
 * {@code items.jsonl} and the report.
 *
 * <ul>
 *   <li>{@link #open} takes an exclusive lock ({@code run.lock}, held with {@link FileChannel#tryLock}
 *       and naming the holder's pid and host), so a second process on the same directory stops at
 *       once (or waits) instead of paying every call twice and interleaving the journal;
 *   <li>it refuses to resume a directory made with other data, model, judge, mode, settings or
 *       shard, and refuses a journal whose {@code run.json} is missing (its origin is unknown);
 *   <li>{@code status} in run.json is {@code running}, then {@code complete}, {@code failed} (with
 *       the message) or {@code interrupted} (the JVM was stopped by a signal);
 *   <li>every file is written to a temporary name and renamed, so a full disk never truncates a
 *       previous report or result.
 * </ul>
 *
 * <pre>{@code
 * try (RunDirectory dir = RunDirectory.open(Path.of("runs/m"), identity, Duration.ZERO)) {
 *   EvaluationResult r = Evaluation.builder().model(m).journal(dir.journal()).build().run(bench);
 *   dir.complete(r, bootstrap);
 * }
 * }</pre>
 */
public final class RunDirectory implements AutoCloseable {
  /** The run.json keys that must match for a directory to be resumed or merged. */
  public static final List<String> IDENTITY_KEYS = List.of("dataset", "tracks", "model", "judge", "mode", "settings",
      "shard");
  private static final List<String> MERGE_KEYS = List.of("tracks", "model", "judge", "mode", "settings", "bootstrap");

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, Object> runJson;
  private final Thread hook;
  private boolean finished;

  private RunDirectory(Path dir, FileChannel lockChannel, FileLock lock, Map<String, Object> runJson) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.runJson = runJson;
    this.hook = new Thread(this::markInterrupted, "mmrare-run-interrupted");
  }

  /**
   * The identity every run records: library version, dataset (origin, synthetic flag, sha256 per
   * track file, item counts), tracks, model, judge, mode, generation settings, shard and bootstrap.
   *
   * @param tracks {@code all} or a track folder name
   * @param judge the judge's name, or empty for the reference fallback
   * @param shard {@code {index, count}}, or empty
   */
  public static Map<String, Object> identity(Benchmark bench, String tracks, String model, Optional<String> judge,
      ScoringMode mode, GenerationSettings settings, Optional<int[]> shard, Bootstrap bootstrap) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("library_version", libraryVersion());
    p.put("dataset", dataset(bench));
    p.put("tracks", tracks);
    p.put("model", model);
    p.put("judge", judge.orElse("none: reference fallback (diagnosis F1, substring_match)"));
    p.put("mode", mode.cliName());
    Map<String, Object> s = new LinkedHashMap<>();
    settings.temperature().ifPresent(t -> s.put("temperature", t));
    settings.maxTokens().ifPresent(t -> s.put("max_tokens", t));
    settings.seed().ifPresent(t -> s.put("seed", t));
    p.put("settings", s);
    p.put("shard", shard.map(x -> (Object) Map.of("index", x[0], "count", x[1])).orElse(null));
    p.put("bootstrap", Map.of("resamples", bootstrap.resamples(), "seed", bootstrap.seed()));
    return p;
  }

  /** Origin, synthetic flag, sha256 of each track file and item counts, keyed by track folder. */
  public static Map<String, Object> dataset(Benchmark bench) {
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("description", bench.info().description());
    ds.put("root", bench.info().root().orElse(null));
    ds.put("synthetic", bench.info().synthetic());
    Map<String, Object> sha = new LinkedHashMap<>();
    bench.info().fileSha256().forEach((t, x) -> sha.put(t.folder(), x));
    ds.put("sha256", sha);
    Map<String, Object> counts = new LinkedHashMap<>();
    bench.counts().forEach((t, n) -> counts.put(t.folder(), n));
    ds.put("items", counts);
    return ds;
  }

  /** The library version from the jar manifest, or {@code dev} when run from classes. */
  public static String libraryVersion() {
    String v = RunDirectory.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * Opens {@code dir} for a run with {@code identity}: creates it, takes the lock, checks that an
   * existing run there has the same identity, and writes run.json with status {@code running}.
   *
   * @param waitForLock how long to wait for another process's lock ({@link Duration#ZERO}: fail at once)
   * @throws ConfigurationException when the directory is locked, holds another run, or holds a
   *     journal without run.json
   */
  public static RunDirectory open(Path dir, Map<String, Object> identity, Duration waitForLock) {
    checkNotNull(identity, "identity");
    checkArgument(!waitForLock.isNegative(), "waitForLock must be >= 0, was %s", waitForLock);
    LockHandle held = lock(dir, waitForLock);
    try {
      checkResumable(dir, identity);
      Map<String, Object> runJson = new LinkedHashMap<>(identity);
      runJson.put("status", "running");
      runJson.put("start", Instant.now().toString());
      RunDirectory r = new RunDirectory(dir, held.channel(), held.lock(), runJson);
      r.writeRunJson();
      Runtime.getRuntime().addShutdownHook(r.hook);
      return r;
    } catch (RuntimeException e) {
      held.release();
      throw e;
    }
  }

  private record LockHandle(FileChannel channel, FileLock lock) {
    void release() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing releases the lock; nothing more to do
      }
    }
  }

  private static LockHandle lock(Path dir, Duration wait) {
    Path file = dir.resolve("run.lock");
    FileChannel ch = null;
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ConfigurationException(dir + " is a file; a run directory is needed (pass a new or existing"
          + " directory to --out).");
    }
    try {
      Files.createDirectories(dir);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + wait.toNanos();
      while (true) {
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          l = null; // held by this very JVM
        }
        if (l != null) {
          String me = holder();
          ch.truncate(0);
          ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
          ch.force(false);
          return new LockHandle(ch, l);
        }
        if (System.nanoTime() >= deadline) {
          String who = Files.readString(file, StandardCharsets.UTF_8).strip();
          ch.close();
          throw new ConfigurationException("The run directory " + dir + " is in use by another process ("
              + (who.isEmpty() ? "holder unknown" : who) + "). Two runs on one directory would pay every call twice"
              + " and mix their journals: wait for it to finish, stop it, use another --out, or pass"
              + " --wait-for-lock to wait.");
        }
        Thread.sleep(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      }
    } catch (IOException e) {
      closeQuietly(ch);
      throw new MmrareException("Cannot lock the run directory " + dir + " (" + e + "); check that it is writable.",
          e);
    } catch (InterruptedException e) {
      closeQuietly(ch);
      Thread.currentThread().interrupt();
      throw new MmrareException("Interrupted while waiting for the lock on " + dir, e);
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  private static String holder() {
    return "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since " + Instant.now();
  }

  /**
   * This machine's name for the lock's holder line, without a DNS lookup where the system names it
   * ({@code InetAddress.getLocalHost()} resolves the name, which can take seconds on a machine whose
   * name does not resolve).
   */
  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      Path etc = Path.of("/etc/hostname");
      if (Files.isRegularFile(etc)) {
        String name = Files.readString(etc).strip();
        if (!name.isEmpty()) {
          return name;
        }
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return "unknown host";
    }
  }

  /** Refuses to resume into a directory made with another identity, or a journal without run.json. */
  static void checkResumable(Path dir, Map<String, Object> identity) {
    Path run = dir.resolve("run.json");
    Path journal = dir.resolve("journal.jsonl");
    if (!Files.isRegularFile(run)) {
      try {
        if (Files.isRegularFile(journal) && Files.size(journal) > 0) {
          throw new ConfigurationException(dir + " holds a journal.jsonl but no run.json, so nothing says which data,"
              + " model, judge and settings produced it; it is not reused. Move journal.jsonl away (or restore"
              + " run.json) and run again, or use another --out.");
        }
      } catch (IOException e) {
        throw new MmrareException("Cannot inspect " + journal + ": " + e.getMessage(), e);
      }
      return;
    }
    JsonObject old;
    try {
      old = JsonFiles.readObject(run);
    } catch (MmrareException e) {
      throw new ConfigurationException(run + " cannot be read (" + e.getMessage() + "), so the run there cannot be"
          + " checked before resuming; repair or remove it, or use another --out.", e);
    }
    JsonObject now = JsonFiles.toJson(identity).asJsonObject();
    for (String k : IDENTITY_KEYS) {
      JsonValue a = old.getOrDefault(k, JsonValue.NULL);
      JsonValue b = now.getOrDefault(k, JsonValue.NULL);
      if (k.equals("dataset")) {
        a = a instanceof JsonObject o ? o.getOrDefault("sha256", JsonValue.NULL) : a;
        b = b instanceof JsonObject o ? o.getOrDefault("sha256", JsonValue.NULL) : b;
      }
      if (!a.equals(b)) {
        throw new ConfigurationException("Cannot resume " + dir + ": its " + k + " was " + show(a) + ", now "
            + show(b) + ". Use another --out directory, or the same settings as the first run.");
      }
    }
  }

  private static String show(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /** The journal file to pass to {@code Evaluation.Builder.journal}. */
  public Path journal() {
    return dir.resolve("journal.jsonl");
  }

  /**
   * Writes items.jsonl, metrics.json, run.json (status {@code complete} with counts, tokens, cache
   * and resume figures) and the report.
   */
  public synchronized void complete(EvaluationResult r, Bootstrap bootstrap) {
    ResultsJson.writeItems(dir.resolve("items.jsonl"), r.items());
    ResultsJson.writeJson(dir.resolve("metrics.json"), r.toMetricsMap());
    runJson.put("status", "complete");
    runJson.put("end", Instant.now().toString());
    Map<String, Object> status = new LinkedHashMap<>();
    for (ItemStatus s : ItemStatus.values()) {
      status.put(s.name(), r.items().stream().filter(i -> i.status() == s).count());
    }
    runJson.put("counts", status);
    runJson.put("tokens", Map.of("prompt", r.promptTokens(), "completion", r.completionTokens()));
    runJson.put("cache", Map.of("hits", r.cacheHits(), "misses", r.cacheMisses()));
    runJson.put("resume", Map.of("generations_from_journal", r.resumedGenerations(),
        "torn_lines_dropped", r.journalDropped()));
    writeRunJson();
    finished = true;
    Reports.write(List.of(RunSummary.read(dir)), dir, bootstrap);
  }

  /** Marks the run {@code failed} with the (redacted) message of {@code cause}. */
  public synchronized void failed(Throwable cause) {
    runJson.put("status", "failed");
    runJson.put("end", Instant.now().toString());
    runJson.put("error", Secrets.redact(cause.getClass().getSimpleName() + ": " + cause.getMessage(), List.of()));
    writeRunJson();
    finished = true;
  }

  private synchronized void markInterrupted() {
    if (!finished) {
      runJson.put("status", "interrupted");
      runJson.put("end", Instant.now().toString());
      try {
        writeRunJson();
      } catch (RuntimeException ignored) {
        // the JVM is going down; the journal is what resume relies on
      }
    }
  }

  private void writeRunJson() {
    ResultsJson.writeJson(dir.resolve("run.json"), runJson);
  }

  /** Releases the lock; a run neither completed nor failed is left {@code interrupted}. */
  @Override
  public synchronized void close() {
    markInterrupted();
    finished = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException ignored) {
      // already shutting down: the hook runs or ran
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException ignored) {
      // closing the channel releases the lock in any case
    }
  }

  /**
   * Joins complete shard runs into one run directory whose metrics equal the unsharded run's. Every
   * input is read before anything is written; an output that is one of the inputs is refused; the
   * output is written into a temporary directory beside it and its files renamed into place, under
   * the output's lock.
   *
   * @return the number of items merged
   * @throws ConfigurationException when runs are incomplete, differ, or do not form a whole split
   */
  public static int merge(Path out, List<Path> runs) {
    checkArgument(!runs.isEmpty(), "no runs to merge");
    for (Path r : runs) {
      if (sameFile(out, r)) {
        throw new ConfigurationException("Refusing to merge into " + out + ": it is one of the inputs, whose files"
            + " would be overwritten. Choose a new --out directory.");
      }
    }
    List<JsonObject> manifests = new ArrayList<>();
    for (Path r : runs) {
      Path run = r.resolve("run.json");
      if (!Files.isRegularFile(run) || !Files.isRegularFile(r.resolve("items.jsonl"))) {
        throw new ConfigurationException(r + " is not a finished run directory (run.json and items.jsonl);"
            + " run or resume its shard first.");
      }
      manifests.add(JsonFiles.readObject(run));
    }
    JsonObject first = manifests.get(0);
    int n = shardCount(first, runs.get(0));
    JsonObject[] byShard = new JsonObject[n];
    Path[] dirs = new Path[n];
    for (int k = 0; k < runs.size(); k++) {
      JsonObject m = manifests.get(k);
      if (!"complete".equals(m.getString("status", ""))) {
        throw new ConfigurationException(runs.get(k) + " is not complete (status " + m.getString("status", "?")
            + "); resume it with the same evaluate command first.");
      }
      if (!sha(m).equals(sha(first))) {
        throw new ConfigurationException("Refusing to merge: " + runs.get(k) + " was run on other data (dataset"
            + " sha256 differs from " + runs.get(0) + ").");
      }
      for (String key : MERGE_KEYS) {
        if (!m.getOrDefault(key, JsonValue.NULL).equals(first.getOrDefault(key, JsonValue.NULL))) {
          throw new ConfigurationException("Refusing to merge: " + runs.get(k) + " has another " + key + " ("
              + m.getOrDefault(key, JsonValue.NULL) + " vs " + first.getOrDefault(key, JsonValue.NULL) + ").");
        }
      }
      if (shardCount(m, runs.get(k)) != n) {
        throw new ConfigurationException("Refusing to merge: " + runs.get(k) + " is a shard of another split.");
      }
      int i = m.getJsonObject("shard").getInt("index");
      if (byShard[i] != null) {
        throw new ConfigurationException("Refusing to merge: shard " + i + " is given twice (" + dirs[i] + ", "
            + runs.get(k) + ").");
      }
      byShard[i] = m;
      dirs[i] = runs.get(k);
    }
    for (int i = 0; i < n; i++) {
      if (byShard[i] == null) {
        throw new ConfigurationException("Refusing to merge: shard " + i + " of " + n + " is missing.");
      }
    }
    // Read everything first: nothing is written until every input is in memory.
    List<List<ItemResult>> parts = new ArrayList<>();
    StringBuilder journal = new StringBuilder();
    int total = 0;
    for (Path d : dirs) {
      List<ItemResult> items = ResultsJson.readItems(d.resolve("items.jsonl"));
      parts.add(items);
      total += items.size();
      Path j = d.resolve("journal.jsonl");
      if (Files.isRegularFile(j)) {
        try {
          String text = Files.readString(j, StandardCharsets.UTF_8);
          journal.append(text);
          if (!text.isEmpty() && !text.endsWith("\n")) {
            journal.append('\n');
          }
        } catch (IOException e) {
          throw new MmrareException("Cannot read " + j + ": " + e.getMessage(), e);
        }
      }
    }
    List<ItemResult> merged = new ArrayList<>(total);
    for (int p = 0; p < total; p++) {
      List<ItemResult> part = parts.get(p % n);
      if (p / n >= part.size()) {
        throw new MmrareException("Shard " + (p % n) + " has too few items for a round-robin split of " + total + ".");
      }
      merged.add(part.get(p / n));
    }
    JsonObject boot = first.getJsonObject("bootstrap");
    Bootstrap b = new Bootstrap(boot.getInt("resamples"), boot.getJsonNumber("seed").longValue(), 0.95);
    Map<Track, TrackMetrics> metrics = EvaluationResult.metricsOf(merged, b);
    EvaluationResult r = new EvaluationResult(merged, metrics, Instant.now(), Instant.now(), 0, 0, 0, 0, 0, 0);
    Map<String, Object> run = new LinkedHashMap<>();
    first.forEach((k, v) -> run.put(k, JsonFiles.toPlain(v)));
    run.put("shard", null);
    run.put("status", "complete");
    run.put("merged_from", runs.stream().map(Path::toString).toList());

    LockHandle held = lock(out, Duration.ZERO);
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory(out.toAbsolutePath().getParent(), "." + out.getFileName() + ".merge-");
      ResultsJson.writeItems(tmp.resolve("items.jsonl"), merged);
      ResultsJson.writeJson(tmp.resolve("metrics.json"), r.toMetricsMap());
      AtomicFiles.writeString(tmp.resolve("journal.jsonl"), journal.toString());
      ResultsJson.writeJson(tmp.resolve("run.json"), run);
      Reports.write(List.of(RunSummary.read(tmp)), tmp, b);
      // run.json last: until it is in place, the directory is not a complete run
      for (String f : List.of("items.jsonl", "metrics.json", "journal.jsonl", "report.html", "leaderboard.md",
          "leaderboard.csv", "run.json")) {
        move(tmp.resolve(f), out.resolve(f));
      }
    } catch (IOException e) {
      throw new MmrareException("Cannot write the merged run into " + out + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
      held.release();
    }
    return merged.size();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a leftover hidden temporary directory is harmless
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall through to the path comparison
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static JsonValue sha(JsonObject m) {
    return m.get("dataset") instanceof JsonObject d ? d.getOrDefault("sha256", JsonValue.NULL) : JsonValue.NULL;
  }

  private static int shardCount(JsonObject m, Path dir) {
    if (!(m.get("shard") instanceof JsonObject s)) {
      throw new ConfigurationException(dir + " is not a shard run (it was run without --shard).");
    }
    return s.getInt("count");
  }

}
