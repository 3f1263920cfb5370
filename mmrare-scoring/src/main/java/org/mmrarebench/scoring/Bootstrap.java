package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Seeded percentile bootstrap for means and paired mean differences, and the standard error.
 * The same seed, data and settings always give the same interval.
 *
 * @param resamples how many resamples (default 10,000)
 * @param seed the random seed (default 0)
 * @param confidence the coverage, for example 0.95
 */
public record Bootstrap(int resamples, long seed, double confidence) {
  /** 10,000 resamples, seed 0, 95 %. */
  public static final Bootstrap DEFAULT = new Bootstrap(10_000, 0L, 0.95);

  /** Validates. */
  public Bootstrap {
    checkArgument(resamples >= 1, "resamples must be >= 1, was %s", resamples);
    checkArgument(confidence > 0 && confidence < 1, "confidence must lie in (0, 1), was %s", confidence);
  }

  /** The percentile interval of the mean of {@code values}; NaN bounds for no values. */
  public Interval meanInterval(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        // multiply-shift maps 32 random bits onto [0, n): bias below n / 2^32, twice as fast as nextInt(n)
        s += values[(int) (((rnd.nextInt() & 0xFFFFFFFFL) * n) >>> 32)];
      }
      means[r] = s / n;
    }
    Arrays.sort(means);
    double alpha = 1 - confidence;
    return new Interval(quantile(means, alpha / 2), quantile(means, 1 - alpha / 2));
  }

  /** The interval of the mean of {@code a[i] - b[i]}, resampling pairs together. */
  public Interval pairedDifferenceInterval(double[] a, double[] b) {
    checkArgument(a.length == b.length, "paired samples differ in length: %s vs %s", a.length, b.length);
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return meanInterval(d);
  }

  /** The standard error of the mean (sample standard deviation over root n); NaN below two values. */
  public static double standardError(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    return new StandardDeviation(true).evaluate(values) / Math.sqrt(values.length);
  }

  /** Linear-interpolation quantile of sorted data (numpy's default). */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    double lower = sorted[lo];
    return lower + (sorted[hi] - lower) * (pos - lo);
  }
}
