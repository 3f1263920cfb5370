package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.PredictionsReader;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.JudgeModel;
import org.mmrarebench.scoring.ReplayJudge;
import org.mmrarebench.scoring.ResultsJson;
import org.mmrarebench.scoring.Scorer;
import org.mmrarebench.scoring.ScorerRegistry;
import org.mmrarebench.scoring.Scoring;
import org.mmrarebench.scoring.ScoringMode;
import org.mmrarebench.scoring.TrackMetrics;
import org.mmrarebench.scoring.orphanet.OrphanetScorers;
import org.mmrarebench.scoring.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmrare score}: scores a prediction file, writing {@code metrics.json} and {@code items.jsonl}. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score predictions for one track. Without --judge-replies: the reference fallback"
        + " (diagnosis F1 only; substring_match for the other tracks).")
final class ScoreCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Option(names = "--track", required = true, paramLabel = "TRACK",
      description = "diagnosis, treatment, crossmodal or examination.") String track;
  @Option(names = "--predictions", required = true, paramLabel = "FILE",
      description = "TSV with index and prediction columns (read like the reference), or JSONL.") Path predictions;
  @Option(names = "--judge-replies", paramLabel = "FILE",
      description = "Recorded judge replies, JSON lines {\"index\", \"reply\"}.") Path replies;
  @Option(names = "--mode", defaultValue = "compat", paramLabel = "MODE", converter = ModeConverter.class,
      description = "compat (the reference, quirks included) or strict (default: ${DEFAULT-VALUE}).") ScoringMode mode;
  @Option(names = "--scorer", paramLabel = "NAME", description = "Extra judge-free scorer (repeatable).")
  List<String> scorers = new ArrayList<>();
  @Option(names = "--resamples", paramLabel = "N", defaultValue = "10000",
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).") int resamples;
  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for metrics.json and"
      + " items.jsonl.") Path out;
  @Option(names = "--allow-missing", description = "In strict mode, score even when some items have no prediction.")
  boolean allowMissing;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Track t = Track.parse(track);
    ScoringMode m = mode;
    if (t == Track.DIAGNOSIS) {
      Prewarm.orphanet();
    }
    java.util.concurrent.Future<List<Prediction>> read =
        Prewarm.async("mmrare-predictions", () -> PredictionsReader.read(predictions, t));
    Benchmark bench = data.load(t);
    Prewarm.fingerprint(bench);
    List<Prediction> preds = Prewarm.join(read);
    List<ItemId> missing = Scoring.unanswered(bench, t, preds);
    if (!missing.isEmpty()) {
      String which = missing.size() + " of " + bench.track(t).size() + " " + t.folder() + " items have no prediction in "
          + predictions + " (first: " + missing.stream().limit(5).map(ItemId::index).collect(
              java.util.stream.Collectors.joining(", ")) + (missing.size() > 5 ? ", ..." : "") + ")";
      if (m == ScoringMode.STRICT && !allowMissing) {
        throw new ConfigurationException(which + "; strict mode scores complete runs only. Add the missing"
            + " predictions, or pass --allow-missing to score the others (the metrics then cover fewer items).");
      }
      spec.commandLine().getErr().println("mmrare WARNING: " + which + "; scoring the " + preds.size()
          + " that have one (the reference would too).");
    }
    Optional<JudgeModel> judge = replies == null ? Optional.empty() : Optional.of(ReplayJudge.read(replies));
    ScorerRegistry registry = ScorerRegistry.discover();
    List<Scorer> extra = new ArrayList<>(scorers.stream().map(registry::get).toList());
    if (t == Track.DIAGNOSIS) {
      // The ontology-aware diagnosis metric is always reported beside the judge score.
      for (String name : List.of("orpha_exact", "orpha_related")) {
        if (!scorers.contains(name)) {
          extra.add(registry.get(name));
        }
      }
    }
    List<ItemResult> results = Scoring.builder().mode(m).judge(judge).scorers(extra).build().score(bench, t, preds);
    // items.jsonl is written while the metrics are computed; metrics.json follows it, as before
    java.util.concurrent.Future<Void> items = Prewarm.async("mmrare-write", () -> {
      ResultsJson.writeItems(out.resolve("items.jsonl"), results);
      return null;
    });
    Map<String, Object> json;
    TrackMetrics metrics;
    try {
      metrics = TrackMetrics.compute(t, results, new Bootstrap(resamples, seed, 0.95));
      json = new LinkedHashMap<>(metrics.toMap());
      if (t == Track.DIAGNOSIS && m == ScoringMode.STRICT && judge.isPresent()) {
        json.put("diagnosis_orpha_judge_agreement", OrphanetScorers.judgeAgreement(results));
      }
      json.put("provenance", provenance(bench, t, judge, m));
    } finally {
      // whatever happens to the metrics, the per-item results already computed are written whole
      Prewarm.join(items);
    }
    ResultsJson.writeJson(out.resolve("metrics.json"), json);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "%s (%s%s): %s = %.4f over %d items (scored %s, unscored %s, judge errors %s, model errors %s)%n",
        t.folder(), m.cliName(), metrics.fallback() ? ", reference fallback: no judge" : "", metrics.primaryKey(),
        metrics.primary(), results.size(), metrics.counts().scored(), metrics.counts().unscored(),
        metrics.counts().judgeErrors(), metrics.counts().modelErrors());
    w.printf(Locale.ROOT, "wrote %s and %s%n", out.resolve("metrics.json"), out.resolve("items.jsonl"));
    return 0;
  }

  static Map<String, Object> provenance(Benchmark bench, Track t, Optional<JudgeModel> judge, ScoringMode m) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("library_version", RunDirectory.libraryVersion());
    p.put("dataset", RunDirectory.dataset(bench));
    p.put("track", t.folder());
    p.put("judge", judge.map(JudgeModel::name).orElse(null));
    p.put("mode", m.cliName());
    return p;
  }
}
