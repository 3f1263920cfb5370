package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.PairedComparison;
import org.mmrarebench.scoring.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmrare compare RUN_A RUN_B}: paired comparison per track. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare two runs (directories with items.jsonl) on the items both scored, per track.")
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_A") Path a;
  @Parameters(index = "1", paramLabel = "RUN_B") Path b;
  @Option(names = "--resamples", defaultValue = "10000") int resamples;
  @Option(names = "--seed", defaultValue = "0") long seed;
  @Option(names = "--json", description = "Print one JSON object.") boolean json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<ItemResult> ra = ResultsJson.readItems(items(a));
    List<ItemResult> rb = ResultsJson.readItems(items(b));
    EnumSet<Track> tracks = EnumSet.noneOf(Track.class);
    ra.forEach(r -> tracks.add(r.track()));
    Bootstrap boot = new Bootstrap(resamples, seed, 0.95);
    List<PairedComparison> cmp = new ArrayList<>();
    for (Track t : tracks) {
      cmp.add(PairedComparison.compare(t, ra, rb, boot));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (PairedComparison c : cmp) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n_paired", c.nPaired());
        row.put("mean_a", c.meanA());
        row.put("mean_b", c.meanB());
        row.put("mean_difference", c.meanDifference());
        row.put("ci95", List.of(c.interval().low(), c.interval().high()));
        row.put("wilcoxon_p", c.wilcoxonP());
        m.put(c.track().folder(), row);
      }
      out.println(ResultsJson.line(ResultsJson.toJson(m)));
      return 0;
    }
    out.printf("A = %s, B = %s%n", a, b);
    out.printf("%-12s %8s %8s %8s %9s %21s %10s%n", "track", "paired", "mean A", "mean B", "A - B", "95% CI", "Wilcoxon p");
    for (PairedComparison c : cmp) {
      out.printf("%-12s %8d %8.4f %8.4f %+9.4f [%+8.4f, %+8.4f] %10.4g%n", c.track().folder(), c.nPaired(), c.meanA(),
          c.meanB(), c.meanDifference(), c.interval().low(), c.interval().high(), c.wilcoxonP());
    }
    return 0;
  }

  private static Path items(Path run) {
    Path p = Files.isDirectory(run) ? run.resolve("items.jsonl") : run;
    if (!Files.isRegularFile(p)) {
      throw new ConfigurationException(run + " has no items.jsonl; pass a directory written by 'mmrare score'.");
    }
    return p;
  }
}
