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
import org.mmrarebench.testing.Shared;

/**
 * The intervals the reports show cover what they claim (seeded simulation over score shapes like
 * the tracks'), and the paired test's p-value is scipy's.
 */
class IntervalsTest {
  /** Score shapes like the tracks': value generator and true mean. */
  enum Shape {
    BINARY(0.15) {
      @Override
      double draw(SplittableRandom r) {
        return r.nextDouble() < 0.15 ? 1 : 0;
      }
    },
    CASCADE(0.2 * 0.15 + 0.4 * 0.15 + 0.6 * 0.1 + 0.8 * 0.1 + 1.0 * 0.2) {
      @Override
      double draw(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.3 ? 0 : u < 0.45 ? 0.2 : u < 0.6 ? 0.4 : u < 0.7 ? 0.6 : u < 0.8 ? 0.8 : 1.0;
      }
    },
    EXAM_16(0.3) {
      @Override
      double draw(SplittableRandom r) {
        int k = 0;
        for (int i = 0; i < 16; i++) {
          k += r.nextDouble() < 0.3 ? 1 : 0;
        }
        return k / 16.0;
      }
    },
    F1_MIXTURE(0.4) {
      @Override
      double draw(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.4) {
          return 0;
        }
        if (u < 0.6) {
          return 1;
        }
        // Beta(2, 2) as the median of three uniforms: mean 0.5
        double a = r.nextDouble();
        double b = r.nextDouble();
        double c = r.nextDouble();
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      }
    };

    final double truth;

    Shape(double truth) {
      this.truth = truth;
    }

    abstract double draw(SplittableRandom r);
  }

  /** Share of {@code reps} seeded samples of size n whose interval holds the true mean. */
  static double coverage(Shape shape, int n, int reps, BiFunction<Bootstrap, double[], Interval> method) {
    SplittableRandom r = new SplittableRandom(shape.ordinal() * 1_000_003L + n);
    int covered = 0;
    for (int rep = 0; rep < reps; rep++) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = shape.draw(r);
      }
      Interval ci = method.apply(new Bootstrap(1_000, rep, 0.95), x);
      covered += ci.contains(shape.truth) ? 1 : 0;
    }
    return covered / (double) reps;
  }

  @Test
  void theReportedIntervalsCoverAtTwelveAndAtAHundred() {
    StringBuilder table = new StringBuilder();
    for (Shape s : Shape.values()) {
      double small = coverage(s, 12, 600, Bootstrap::meanInterval);
      double large = coverage(s, 100, 400, Bootstrap::meanInterval);
      table.append(String.format(java.util.Locale.ROOT, "%s n=12 %.3f n=100 %.3f%n", s, small, large));
      assertTrue(small >= 0.90, s + " at n = 12 covers " + small);
      assertTrue(large >= 0.925 && large <= 0.975, s + " at n = 100 covers " + large);
    }
    System.out.print(table);
  }

  @Test
  void thePlainPercentileBootstrapIsTooNarrowAtTwelveWhichIsWhyItIsNotShown() {
    assertTrue(coverage(Shape.BINARY, 12, 600, Bootstrap::percentileInterval) < 0.88);
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
