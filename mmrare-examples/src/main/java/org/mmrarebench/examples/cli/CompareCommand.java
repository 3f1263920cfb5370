package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.PairedComparison;
import org.mmrarebench.scoring.ResultsJson;
import org.mmrarebench.scoring.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmrare compare RUN_A RUN_B}: paired comparison per track, refused (or, with
 * {@code --force}, marked) where the runs do not measure the same thing.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare two runs (directories written by evaluate or score) on the items both scored, per track."
        + " Tracks whose runs differ in metric, mode, judge or data are refused unless --force.")
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_A", description = "First run directory.") Path a;
  @Parameters(index = "1", paramLabel = "RUN_B", description = "Second run directory.") Path b;
  @Option(names = "--resamples", paramLabel = "N", defaultValue = "10000",
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).") int resamples;
  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--force", description = "Compare even runs that are not comparable, marking them so.")
  boolean force;
  @Option(names = "--judge-drift", description = "The runs judged the same predictions with two judges (or judge"
      + " versions): compare the judges, item by item, instead of refusing the different judge.") boolean judgeDrift;
  @Option(names = "--json", description = "Print one JSON object.") boolean json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunSummary ra = RunSummary.read(dir(a));
    RunSummary rb = RunSummary.read(dir(b));
    EnumSet<Track> tracks = EnumSet.noneOf(Track.class);
    tracks.addAll(ra.tracks());
    tracks.retainAll(rb.tracks());
    if (tracks.isEmpty()) {
      throw new ConfigurationException("The runs share no track: " + a + " has " + ra.tracks() + ", " + b
          + " has " + rb.tracks() + ".");
    }
    if (judgeDrift) {
      requireSamePredictions(ra, rb);
    }
    Map<Track, List<String>> why = new LinkedHashMap<>();
    for (Track t : tracks) {
      List<String> w = new java.util.ArrayList<>(ra.incomparability(rb, t));
      if (judgeDrift) {
        w.removeIf(x -> x.startsWith("run A was judged by"));
      }
      if (!w.isEmpty()) {
        why.put(t, w);
      }
    }
    if (!why.isEmpty() && !force) {
      StringBuilder sb = new StringBuilder("not comparable (run A = " + a + ", run B = " + b + "):");
      why.forEach((t, w) -> sb.append("\n  ").append(t.folder()).append(": ").append(String.join("; ", w)));
      sb.append("\nCompare runs made with the same judge (or both without), mode and data; --force prints the"
          + " comparison anyway, marked as not comparable.");
      throw new ConfigurationException(sb.toString());
    }
    Bootstrap boot = new Bootstrap(resamples, seed, 0.95);
    List<PairedComparison> cmp = new ArrayList<>();
    for (Track t : tracks) {
      cmp.add(PairedComparison.compare(t, ra.items(), rb.items(), boot));
    }
    double[] holm = PairedComparison.holm(cmp.stream().filter(c -> !why.containsKey(c.track()))
        .mapToDouble(PairedComparison::wilcoxonP).toArray());
    Map<Track, Double> adjusted = new LinkedHashMap<>();
    int hi = 0;
    for (PairedComparison c : cmp) {
      adjusted.put(c.track(), why.containsKey(c.track()) ? Double.NaN : holm[hi++]);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (PairedComparison c : cmp) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("comparable", !why.containsKey(c.track()));
        if (why.containsKey(c.track())) {
          row.put("not_comparable_because", why.get(c.track()));
        }
        row.put("n_paired", c.nPaired());
        row.put("mean_a", c.meanA());
        row.put("mean_b", c.meanB());
        row.put("mean_difference", c.meanDifference());
        row.put("ci95", List.of(c.interval().low(), c.interval().high()));
        row.put("wilcoxon_p", c.wilcoxonP());
        row.put("holm_p", adjusted.get(c.track()));
        row.put("interval_method", "expanded-percentile-bootstrap");
        m.put(c.track().folder(), row);
      }
      out.println(ResultsJson.jsonText(m));
      return 0;
    }
    out.printf(Locale.ROOT, "A = %s, B = %s%n", a, b);
    if (judgeDrift) {
      out.printf(Locale.ROOT, "judge drift: the same predictions judged by %s (A) and %s (B)%n", ra.judge(), rb.judge());
    }
    out.printf(Locale.ROOT, "%-12s %8s %8s %8s %9s %21s %10s %10s%n", "track", "paired", "mean A", "mean B", "A - B",
        "95% CI", "Wilcoxon p", "Holm p");
    for (PairedComparison c : cmp) {
      out.printf(Locale.ROOT, "%-12s %8d %8.4f %8.4f %+9.4f [%+8.4f, %+8.4f] %10.4g %10.4g%s%s%n", c.track().folder(),
          c.nPaired(), c.meanA(), c.meanB(), c.meanDifference(), c.interval().low(), c.interval().high(),
          c.wilcoxonP(), adjusted.get(c.track()), c.nPaired() < 10 ? "  small n" : "",
          why.containsKey(c.track()) ? "  NOT COMPARABLE (--force): " + String.join("; ", why.get(c.track())) : "");
    }
    out.println("95% CI: expanded percentile bootstrap of the paired differences; Wilcoxon p as scipy.stats.wilcoxon;"
        + " Holm p adjusted over the comparable tracks above.");
    return 0;
  }

  /** Judge drift compares judges, so the predictions must be the very same. */
  private static void requireSamePredictions(RunSummary ra, RunSummary rb) {
    Map<org.mmrarebench.core.ItemId, String> pa = new java.util.HashMap<>();
    ra.items().forEach(i -> pa.put(i.id(), i.prediction()));
    long differ = rb.items().stream().filter(i -> pa.containsKey(i.id()) && !pa.get(i.id()).equals(i.prediction()))
        .count();
    if (differ > 0) {
      throw new ConfigurationException("--judge-drift compares judges on the same predictions, but " + differ
          + " predictions differ between the runs; re-judge one run's predictions (score --predictions RUN/items.jsonl)"
          + " instead.");
    }
  }

  private static Path dir(Path run) {
    Path d = Files.isRegularFile(run) ? run.toAbsolutePath().getParent() : run;
    if (!Files.isDirectory(d)) {
      throw new ConfigurationException(run + ": no such directory; pass a run directory written by 'mmrare evaluate'"
          + " or 'mmrare score'.");
    }
    return d;
  }
}
