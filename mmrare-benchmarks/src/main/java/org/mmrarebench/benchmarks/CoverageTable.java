package org.mmrarebench.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.Interval;
import org.mmrarebench.testing.ScoreShape;

/**
 * The coverage table of the README: for each score shape and sample size, the share of seeded
 * replicates whose 95 % interval holds the true mean - the plain percentile bootstrap (0.1), the
 * interval the reports show (Wilson for 0/1 scores, else the expanded percentile bootstrap), and
 * the paired-difference interval (two correlated runs of the same shape, true difference 0).
 *
 * <pre>java -cp mmrare-benchmarks/target/benchmarks.jar org.mmrarebench.benchmarks.CoverageTable [REPS]</pre>
 */
public final class CoverageTable {
  private CoverageTable() {}

  /** Prints the table as Markdown; REPS replicates per cell (default 2,000), 2,000 resamples each. */
  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    List<Integer> ns = List.of(5, 12, 30, 100, 474);
    System.out.printf(Locale.ROOT, "95 %% intervals, %d seeded replicates per cell, 2,000 resamples%n%n", reps);
    System.out.println("| shape | method | " + String.join(" | ", ns.stream().map(n -> "n = " + n).toList()) + " |");
    System.out.println("|---|---|" + "---|".repeat(ns.size()));
    for (ScoreShape shape : ScoreShape.values()) {
      StringBuilder pct = new StringBuilder("| " + shape.name().toLowerCase(Locale.ROOT) + " | percentile bootstrap (0.1) |");
      StringBuilder shown = new StringBuilder("| | reported (" + (shape == ScoreShape.BINARY ? "Wilson"
          : "expanded percentile bootstrap") + ") |");
      StringBuilder paired = new StringBuilder("| | paired difference (expanded bootstrap) |");
      for (int n : ns) {
        SplittableRandom r = new SplittableRandom(31L * shape.ordinal() + n);
        int cp = 0;
        int cs = 0;
        int cd = 0;
        for (int rep = 0; rep < reps; rep++) {
          Bootstrap b = new Bootstrap(2_000, rep, 0.95);
          double[] x = shape.sample(n, r);
          cp += b.percentileInterval(x).contains(shape.truth()) ? 1 : 0;
          cs += b.meanInterval(x).contains(shape.truth()) ? 1 : 0;
          double[] y = new double[n];
          for (int i = 0; i < n; i++) {
            // run B agrees with run A on half the items, otherwise draws afresh: true mean difference 0
            y[i] = r.nextDouble() < 0.5 ? x[i] : shape.draw(r);
          }
          Interval d = b.pairedDifferenceInterval(x, y);
          cd += d.contains(0) ? 1 : 0;
        }
        pct.append(String.format(Locale.ROOT, " %.1f %% |", 100.0 * cp / reps));
        shown.append(String.format(Locale.ROOT, " %.1f %% |", 100.0 * cs / reps));
        paired.append(String.format(Locale.ROOT, " %.1f %% |", 100.0 * cd / reps));
      }
      System.out.println(pct);
      System.out.println(shown);
      System.out.println(paired);
    }
  }
}
