package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.baseline.OfflineBaselineModel;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.Evaluation;
import org.mmrarebench.scoring.EvaluationResult;
import org.mmrarebench.scoring.ItemStatus;
import org.mmrarebench.scoring.ResultsJson;
import org.mmrarebench.scoring.ScorerRegistry;
import org.mmrarebench.scoring.Scoring;
import org.mmrarebench.scoring.ScoringMode;
import org.mmrarebench.scoring.TrackMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmrare evaluate}: runs a model over the benchmark and scores it; with no options, the whole loop offline. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Run a model over the benchmark and score it. With no options: the embedded sample, all four"
        + " tracks, the offline baseline model, no judge (the reference fallback, labelled) plus the Orphanet metric.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Option(names = "--track", defaultValue = "all", paramLabel = "TRACK|all") String track;
  @Option(names = "--mode", defaultValue = "compat", paramLabel = "compat|strict") String mode;
  @Option(names = "--concurrency", defaultValue = "8") int concurrency;
  @Option(names = "--resamples", defaultValue = "10000", description = "Bootstrap resamples.") int resamples;
  @Option(names = "--seed", defaultValue = "0", description = "Bootstrap seed.") long seed;
  @Option(names = "--out", paramLabel = "RUN_DIR", description = "Run directory (default runs/baseline-<time>).")
  Path out;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Benchmark bench = data.load();
    if (!track.equalsIgnoreCase("all")) {
      bench = bench.track(Track.parse(track));
    }
    ScoringMode m = ScoringMode.valueOf(mode.toUpperCase(Locale.ROOT));
    Path dir = out != null ? out
        : Path.of("runs", "baseline-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    OfflineBaselineModel model = OfflineBaselineModel.bundled();
    ScorerRegistry registry = ScorerRegistry.discover();
    Scoring scoring = Scoring.builder().mode(m)
        .scorers(List.of(registry.get("orpha_exact"), registry.get("orpha_related"))).build();
    EvaluationResult r = Evaluation.builder().model(model).scoring(scoring).concurrency(concurrency)
        .bootstrap(new Bootstrap(resamples, seed, 0.95)).build().run(bench);
    ResultsJson.writeItems(dir.resolve("items.jsonl"), r.items());
    ResultsJson.writeJson(dir.resolve("metrics.json"), ResultsJson.toJson(r.toMetricsMap()));
    ResultsJson.writeJson(dir.resolve("run.json"), ResultsJson.toJson(runJson(bench, model.name(), m, r)));
    print(spec.commandLine().getOut(), bench, model.name(), r, dir);
    return 0;
  }

  private Map<String, Object> runJson(Benchmark bench, String model, ScoringMode m, EvaluationResult r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("library_version", MmrareCli.version());
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("description", bench.info().description());
    ds.put("root", bench.info().root().orElse(null));
    ds.put("synthetic", bench.info().synthetic());
    Map<String, Object> sha = new LinkedHashMap<>();
    bench.info().fileSha256().forEach((t, s) -> sha.put(t.folder(), s));
    ds.put("sha256", sha);
    Map<String, Object> counts = new LinkedHashMap<>();
    bench.counts().forEach((t, n) -> counts.put(t.folder(), n));
    ds.put("items", counts);
    p.put("dataset", ds);
    p.put("tracks", bench.tracks().stream().map(Track::folder).toList());
    p.put("model", model);
    p.put("judge", "none: reference fallback (diagnosis F1, substring_match)");
    p.put("settings", Map.of("concurrency", concurrency));
    p.put("mode", m.cliName());
    p.put("bootstrap", Map.of("resamples", resamples, "seed", seed));
    p.put("start", r.start().toString());
    p.put("end", r.end().toString());
    Map<String, Object> status = new LinkedHashMap<>();
    for (ItemStatus s : ItemStatus.values()) {
      status.put(s.name(), r.items().stream().filter(i -> i.status() == s).count());
    }
    p.put("counts", status);
    p.put("tokens", Map.of("prompt", r.promptTokens(), "completion", r.completionTokens()));
    return p;
  }

  private static void print(PrintWriter w, Benchmark bench, String model, EvaluationResult r, Path dir) {
    w.printf("model: %s%ndata:  %s%njudge: none - reference fallback (diagnosis_f1; substring_match)%n%n", model,
        bench.info().description());
    w.printf("%-12s %-16s %9s %21s %5s %7s %12s%n", "track", "metric", "value", "95% CI", "n", "errors",
        "orpha ex/rel");
    for (Track t : Track.values()) {
      TrackMetrics m = r.metrics().get(t);
      if (m == null) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<Double> ci = (List<Double>) m.values().get(m.primaryKey() + "_ci95");
      int errors = (Integer) m.values().get("n_judge_error") + (Integer) m.values().get("n_model_error");
      String orpha = m.values().containsKey("diagnosis_orpha_exact")
          ? String.format("%.2f/%.2f", m.number("diagnosis_orpha_exact"), m.number("diagnosis_orpha_related")) : "-";
      w.printf("%-12s %-16s %9.4f [%8.4f, %8.4f] %5d %7d %12s%n", t.folder(), m.primaryKey(), m.primary(), ci.get(0),
          ci.get(1), (Integer) m.values().get("n_total"), errors, orpha);
    }
    w.printf("%nmmrare macro mean (ours, not the paper's; 0-1): %.4f%n", r.macroMean());
    w.printf("took %d ms; wrote %s/{run.json,metrics.json,items.jsonl}%n",
        Duration.between(r.start(), r.end()).toMillis(), dir);
  }
}
