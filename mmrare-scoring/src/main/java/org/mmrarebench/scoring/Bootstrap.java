package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Confidence intervals for means and paired mean differences, and the standard error: Wilson for
 * 0/1 values, the seeded expanded percentile bootstrap otherwise ({@link IntervalMethod}). The same
 * seed, data and settings always give the same interval.
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

  /**
   * The interval of the mean the reports show, with the method the data call for
   * ({@link #intervalMethod}): Wilson for 0/1 values, else the seeded expanded percentile bootstrap.
   * NaN bounds for no values; the value twice for a single one.
   */
  public Interval meanInterval(double[] values) {
    return switch (intervalMethod(values)) {
      case WILSON -> wilson(values);
      case EXPANDED_PERCENTILE_BOOTSTRAP -> expandedPercentileInterval(values);
      case T_INTERVAL -> tInterval(values);
      case NONE -> values.length == 0 ? new Interval(Double.NaN, Double.NaN) : new Interval(values[0], values[0]);
      case PERCENTILE_BOOTSTRAP -> percentileInterval(values);
    };
  }

  /** The method {@link #meanInterval} uses for {@code values}. */
  public static IntervalMethod intervalMethod(double[] values) {
    if (values.length < 2) {
      return IntervalMethod.NONE;
    }
    for (double v : values) {
      if (v != 0 && v != 1) {
        return values.length >= LARGE_N ? IntervalMethod.T_INTERVAL : IntervalMethod.EXPANDED_PERCENTILE_BOOTSTRAP;
      }
    }
    return IntervalMethod.WILSON;
  }

  /**
   * From this many values on, the bootstrap of a bounded mean is replaced by the t interval: the
   * two agree to well under a thousandth of the scale there (central limit), and resampling 10,000
   * times over 100,000 items would cost seconds for nothing.
   */
  public static final int LARGE_N = 10_000;

  /** The t interval of the mean: mean +- t_{n-1} * s / sqrt(n). */
  Interval tInterval(double[] values) {
    int n = values.length;
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= n;
    double half = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2)
        * standardError(values);
    return new Interval(mean - half, mean + half);
  }

  /** The Wilson score interval of a proportion: {@code values} are 0 or 1. */
  Interval wilson(double[] values) {
    int n = values.length;
    double k = 0;
    for (double v : values) {
      k += v;
    }
    double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double p = k / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
    // the closed form can miss 0 or 1 by an ulp when p is 0 or 1
    return new Interval(Math.max(0, Math.min(p, centre - half)), Math.min(1, Math.max(p, centre + half)));
  }

  /**
   * The percentile bootstrap with Hesterberg's expansion for small samples: percentiles at
   * {@code Phi(-sqrt(n/(n-1)) * t_{n-1}(1 - alpha/2))} and its complement.
   */
  public Interval expandedPercentileInterval(double[] values) {
    int n = values.length;
    if (n < 2) {
      return meanInterval(values);
    }
    double alpha = 1 - confidence;
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - alpha / 2);
    double q = new NormalDistribution().cumulativeProbability(-Math.sqrt(n / (n - 1.0)) * t);
    double[] means = resampledMeans(values);
    return new Interval(quantile(means, q), quantile(means, 1 - q));
  }

  /** The plain percentile bootstrap interval of the mean (the 0.1 method); NaN bounds for no values. */
  public Interval percentileInterval(double[] values) {
    if (values.length == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double[] means = resampledMeans(values);
    double alpha = 1 - confidence;
    return new Interval(quantile(means, alpha / 2), quantile(means, 1 - alpha / 2));
  }

  /** The sorted means of {@link #resamples} seeded resamples of {@code values}. */
  private double[] resampledMeans(double[] values) {
    int n = values.length;
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
    return means;
  }

  /** The interval of the mean of {@code a[i] - b[i]}, resampling pairs together. */
  public Interval pairedDifferenceInterval(double[] a, double[] b) {
    checkArgument(a.length == b.length, "paired samples differ in length: %s vs %s", a.length, b.length);
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    // differences lie in [-1, 1] and are never read as proportions: always the bootstrap
    return d.length < 2 ? meanInterval(d) : expandedPercentileInterval(d);
  }

  /** The standard error of the mean (sample standard deviation over root n); NaN below two values. */
  public static double standardError(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    return new StandardDeviation(true).evaluate(values) / Math.sqrt(values.length);
  }

  /** The {@code q} quantile of sorted data, interpolating linearly between neighbours (numpy's default). */
  public static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    double lower = sorted[lo];
    return lower + (sorted[hi] - lower) * (pos - lo);
  }
}
