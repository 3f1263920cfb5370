package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.Track;

/**
 * Two runs compared on the items both scored: mean difference (A minus B), its paired bootstrap
 * interval and the Wilcoxon signed-rank p-value (two-sided; exact up to 30 pairs, normal
 * approximation beyond; 1 when every difference is zero).
 *
 * @param track the track compared
 * @param nPaired items with a score in both runs
 * @param meanA mean of A over the paired items
 * @param meanB mean of B over the paired items
 * @param meanDifference mean of A - B
 * @param interval paired bootstrap interval of the mean difference
 * @param wilcoxonP the p-value, NaN below two pairs
 */
public record PairedComparison(Track track, int nPaired, double meanA, double meanB, double meanDifference,
    Interval interval, double wilcoxonP) {

  /** Validates. */
  public PairedComparison {
    checkNotNull(track, "track");
    checkNotNull(interval, "interval");
  }

  /** Compares the {@code track} results of two runs, pairing items by index. */
  public static PairedComparison compare(Track track, List<ItemResult> a, List<ItemResult> b, Bootstrap bootstrap) {
    Map<ItemId, Double> bScores = new HashMap<>();
    for (ItemResult r : b) {
      if (r.track() == track && r.score().isPresent()) {
        bScores.put(r.id(), r.score().getAsDouble());
      }
    }
    double[] xa = new double[a.size()];
    double[] xb = new double[a.size()];
    int n = 0;
    for (ItemResult r : a) {
      Double other = r.track() == track && r.score().isPresent() ? bScores.get(r.id()) : null;
      if (other != null) {
        xa[n] = r.score().getAsDouble();
        xb[n] = other;
        n++;
      }
    }
    xa = java.util.Arrays.copyOf(xa, n);
    xb = java.util.Arrays.copyOf(xb, n);
    double meanA = mean(xa);
    double meanB = mean(xb);
    double[] d = new double[n];
    boolean allZero = true;
    for (int i = 0; i < n; i++) {
      d[i] = xa[i] - xb[i];
      allZero &= d[i] == 0;
    }
    double p;
    if (n < 2) {
      p = Double.NaN;
    } else if (allZero) {
      p = 1.0;
    } else {
      p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(xa, xb, n <= 30);
    }
    return new PairedComparison(track, n, meanA, meanB, mean(d), bootstrap.pairedDifferenceInterval(xa, xb), p);
  }

  private static double mean(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
