package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.Track;

/**
 * Two runs compared on the items both scored: mean difference (A minus B), its paired interval
 * (the expanded percentile bootstrap of the differences) and the Wilcoxon signed-rank p-value as
 * {@code scipy.stats.wilcoxon} computes it (two-sided; exact up to 50 pairs without zero
 * differences, else the normal approximation with zeros dropped and ties corrected; NaN where every
 * difference is zero). {@link #holm} adjusts the p-values of one comparison across tracks.
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
    for (int i = 0; i < n; i++) {
      d[i] = xa[i] - xb[i];
    }
    // scipy.stats.wilcoxon's p-value (NaN where scipy refuses: no pairs, every difference zero)
    double p = SignedRank.pValue(xa, xb);
    return new PairedComparison(track, n, meanA, meanB, mean(d), bootstrap.pairedDifferenceInterval(xa, xb), p);
  }

  /**
   * Holm's step-down adjustment of the p-values of several comparisons made together (one per
   * track): sorted ascending, the i-th (from 0) is multiplied by m - i, made monotone and capped at
   * 1. NaN p-values stay NaN and do not count in m. Returned in the input order.
   */
  public static double[] holm(double[] p) {
    Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted((x, y) -> Double.compare(p[x], p[y])).toArray(Integer[]::new);
    double[] out = new double[p.length];
    java.util.Arrays.fill(out, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int i = 0; i < m; i++) {
      running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
      out[order[i]] = running;
    }
    return out;
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
