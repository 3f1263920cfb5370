package org.mmrarebench.examples.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.EvaluationResult;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.ResultsJson;
import org.mmrarebench.scoring.TrackMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmrare merge --out DIR RUN...}: joins complete shard runs into one run directory whose
 * metrics equal the unsharded run's. Shard i holds the items at canonical positions i, i+n, i+2n,
 * ..., so interleaving the shards restores the canonical order (and the exact floating-point sums).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Join the shard runs of one evaluation (all n shards) into one run directory.")
final class MergeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN", arity = "1..*") List<Path> runs;
  @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
  @Spec CommandSpec spec;

  private static final List<String> SAME = List.of("tracks", "model", "judge", "mode", "settings", "bootstrap");

  @Override
  public Integer call() {
    List<JsonObject> manifests = new ArrayList<>();
    for (Path r : runs) {
      Path run = r.resolve("run.json");
      if (!Files.isRegularFile(run) || !Files.isRegularFile(r.resolve("items.jsonl"))) {
        throw new ConfigurationException(r + " is not a finished run directory (run.json and items.jsonl);"
            + " run or resume its shard first.");
      }
      manifests.add(ResultsJson.readObject(run));
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
      if (!m.getJsonObject("dataset").get("sha256").equals(first.getJsonObject("dataset").get("sha256"))) {
        throw new ConfigurationException("Refusing to merge: " + runs.get(k) + " was run on other data (dataset"
            + " sha256 differs from " + runs.get(0) + ").");
      }
      for (String key : SAME) {
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
    List<List<ItemResult>> parts = new ArrayList<>();
    int total = 0;
    for (Path d : dirs) {
      List<ItemResult> items = ResultsJson.readItems(d.resolve("items.jsonl"));
      parts.add(items);
      total += items.size();
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
    Map<org.mmrarebench.core.Track, TrackMetrics> metrics = EvaluationResult.metricsOf(merged, b);
    EvaluationResult r = new EvaluationResult(merged, metrics, Instant.now(), Instant.now(), 0, 0, 0, 0, 0, 0);
    ResultsJson.writeItems(out.resolve("items.jsonl"), merged);
    ResultsJson.writeJson(out.resolve("metrics.json"), ResultsJson.toJson(r.toMetricsMap()));
    Map<String, Object> run = new LinkedHashMap<>();
    first.forEach((k, v) -> run.put(k, v));
    run.put("shard", null);
    run.put("status", "complete");
    run.put("merged_from", runs.stream().map(Path::toString).toList());
    ResultsJson.writeJson(out.resolve("run.json"), ResultsJson.toJson(toPlain(run)));
    try {
      Path journal = out.resolve("journal.jsonl");
      Files.deleteIfExists(journal);
      for (Path d : dirs) {
        if (Files.isRegularFile(d.resolve("journal.jsonl"))) {
          Files.write(journal, Files.readAllBytes(d.resolve("journal.jsonl")), StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        }
      }
    } catch (IOException e) {
      throw new MmrareException("Cannot write " + out.resolve("journal.jsonl") + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().printf("merged %d shards (%d items) into %s%n", n, merged.size(), out);
    return 0;
  }

  private static int shardCount(JsonObject m, Path dir) {
    if (!(m.get("shard") instanceof JsonObject s)) {
      throw new ConfigurationException(dir + " is not a shard run (it was run without --shard).");
    }
    return s.getInt("count");
  }

  /** JSON-P values as plain Java values for {@link ResultsJson#toJson(Object)}. */
  private static Object toPlain(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> o = new LinkedHashMap<>();
      m.forEach((k, x) -> o.put(String.valueOf(k), toPlain(x)));
      return o;
    }
    if (v instanceof jakarta.json.JsonString s) {
      return s.getString();
    }
    if (v instanceof jakarta.json.JsonNumber num) {
      return num.isIntegral() ? (Object) num.longValue() : (Object) num.doubleValue();
    }
    if (v instanceof jakarta.json.JsonArray a) {
      return a.stream().map(MergeCommand::toPlain).toList();
    }
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    if (v == JsonValue.NULL) {
      return null;
    }
    return v;
  }
}
