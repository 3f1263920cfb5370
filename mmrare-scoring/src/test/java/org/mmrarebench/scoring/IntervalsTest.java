package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.mmrarebench.testing.ScoreShape;
import org.mmrarebench.testing.Shared;

/**
 * The intervals the reports show cover what they claim (seeded simulation over score shapes like
 * the tracks'), and the paired test's p-value is scipy's.
 */
class IntervalsTest {
  /** Share of {@code reps} seeded samples of size n whose interval holds the true mean. */
  static double coverage(ScoreShape shape, int n, int reps, BiFunction<Bootstrap, double[], Interval> method) {
    SplittableRandom r = new SplittableRandom(shape.ordinal() * 1_000_003L + n);
    int covered = 0;
    for (int rep = 0; rep < reps; rep++) {
      Interval ci = method.apply(new Bootstrap(1_000, rep, 0.95), shape.sample(n, r));
      covered += ci.contains(shape.truth()) ? 1 : 0;
    }
    return covered / (double) reps;
  }

  @Test
  void theReportedIntervalsCoverAtTwelveAndAtAHundred() {
    StringBuilder table = new StringBuilder();
    for (ScoreShape s : ScoreShape.values()) {
      double small = coverage(s, 12, 600, Bootstrap::meanInterval);
      double large = coverage(s, 100, 400, Bootstrap::meanInterval);
      table.append(String.format(java.util.Locale.ROOT, "%s n=12 %.3f n=100 %.3f%n", s, small, large));
      assertTrue(small >= 0.90, s + " at n = 12 covers " + small);
      assertTrue(large >= 0.925 && large <= 0.975, s + " at n = 100 covers " + large);
    }
    System.out.print(table);
  }

  @Test
  void thePairedDifferenceIntervalCoversToo() {
    for (ScoreShape s : ScoreShape.values()) {
      for (int n : new int[] {12, 100}) {
        SplittableRandom r = new SplittableRandom(7L * s.ordinal() + n);
        int covered = 0;
        int reps = 400;
        for (int rep = 0; rep < reps; rep++) {
          double[] x = s.sample(n, r);
          double[] y = new double[n];
          for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.5 ? x[i] : s.draw(r); // B agrees with A on half the items: true difference 0
          }
          covered += new Bootstrap(1_000, rep, 0.95).pairedDifferenceInterval(x, y).contains(0) ? 1 : 0;
        }
        double c = covered / (double) reps;
        assertTrue(n == 12 ? c >= 0.90 : c >= 0.925 && c <= 0.975, s + " paired at n = " + n + " covers " + c);
      }
    }
  }

  @Test
  void thePlainPercentileBootstrapIsTooNarrowAtTwelveWhichIsWhyItIsNotShown() {
    assertTrue(coverage(ScoreShape.BINARY, 12, 600, Bootstrap::percentileInterval) < 0.88);
  }

  @Test
  void wilsonForProportionsAndTheBootstrapOtherwiseNamedByTheData() {
    assertEquals(IntervalMethod.WILSON, Bootstrap.intervalMethod(new double[] {0, 1, 1, 0}));
    assertEquals(IntervalMethod.EXPANDED_PERCENTILE_BOOTSTRAP, Bootstrap.intervalMethod(new double[] {0, 0.5}));
    assertEquals(IntervalMethod.NONE, Bootstrap.intervalMethod(new double[] {1}));
    // Wilson 95 % for 3 of 10, computed in Python with scipy.stats.norm.ppf(0.975)
    Interval w = Bootstrap.DEFAULT.meanInterval(new double[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 0});
    assertEquals(0.10779126740630099, w.low(), 1e-15);
    assertEquals(0.6032218525388546, w.high(), 1e-15);
  }

  @Test
  void wilcoxonPValuesAreScipys() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(Shared.resolve("wilcoxon.jsonl"));
    assertEquals(400, lines.size());
    for (String line : lines) {
      JsonNode row = json.readTree(line);
      double[] a = doubles(row.get("a"));
      double[] b = doubles(row.get("b"));
      double p = SignedRank.pValue(a, b);
      if (row.get("p").isNull()) {
        assertTrue(Double.isNaN(p), line);
      } else {
        assertEquals(row.get("p").asDouble(), p, 1e-12 * Math.max(1, row.get("p").asDouble()), line);
      }
    }
  }

  @Test
  void fromTenThousandValuesTheTIntervalAgreesWithTheBootstrap() {
    double[] x = ScoreShape.CASCADE.sample(Bootstrap.LARGE_N, new SplittableRandom(3));
    assertEquals(IntervalMethod.T_INTERVAL, Bootstrap.intervalMethod(x));
    Interval t = Bootstrap.DEFAULT.meanInterval(x);
    Interval boot = Bootstrap.DEFAULT.expandedPercentileInterval(x);
    assertEquals(boot.low(), t.low(), 1e-3);
    assertEquals(boot.high(), t.high(), 1e-3);
  }

  @Test
  void holmAdjustsAcrossTracks() {
    // p = (0.01, 0.04, 0.03, NaN): m = 3; sorted 0.01*3, 0.03*2, 0.04*1 -> monotone 0.03, 0.06, 0.06
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, Double.NaN},
        PairedComparison.holm(new double[] {0.01, 0.04, 0.03, Double.NaN}), 1e-15);
  }

  private static double[] doubles(JsonNode arr) {
    double[] out = new double[arr.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = arr.get(i).asDouble();
    }
    return out;
  }
}
