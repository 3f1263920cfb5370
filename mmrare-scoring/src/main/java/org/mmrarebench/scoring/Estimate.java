package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * A mean over items with its uncertainty: the value on the metric's reported scale (0-1 for judge
 * scores, 0-100 for {@code diagnosis_f1}), the standard error, and seeded bootstrap intervals at any
 * confidence level. The item values are kept (a copy), so an interval at another level is computed
 * on demand and is the same for the same seed.
 */
public final class Estimate {
  private final String key;
  private final double value;
  private final double scale;
  private final double[] unitValues;
  private final Bootstrap bootstrap;
  // computed when first asked: most scorer estimates never show an interval
  private final com.google.common.base.Supplier<Interval> interval;

  private Estimate(String key, double value, double scale, double[] unitValues, Bootstrap bootstrap) {
    this.key = key;
    this.value = value;
    this.scale = scale;
    this.unitValues = unitValues;
    this.bootstrap = bootstrap;
    this.interval = com.google.common.base.Suppliers.memoize(() -> scaled(bootstrap.meanInterval(unitValues)));
  }

  /**
   * An estimate named {@code key} whose reported value is {@code value} (computed by the caller with
   * the reference's own mean), over {@code unitValues} (0-1) shown multiplied by {@code scale}.
   */
  public static Estimate of(String key, double value, double scale, double[] unitValues, Bootstrap bootstrap) {
    checkNotNull(key, "key");
    checkArgument(scale > 0, "scale must be > 0, was %s", scale);
    return new Estimate(key, value, scale, unitValues.clone(), checkNotNull(bootstrap, "bootstrap"));
  }

  /** The reference key of the metric, for example {@code treatment_judge_score} or {@code diagnosis_f1}. */
  public String key() {
    return key;
  }

  /** The value on the reported scale (NaN when undefined, for example no item scored). */
  public double value() {
    return value;
  }

  /** The reported scale: 1 for 0-1 metrics, 100 for {@code diagnosis_f1}. */
  public double scale() {
    return scale;
  }

  /** How many item values the estimate is over. */
  public int n() {
    return unitValues.length;
  }

  /** The standard error on the reported scale; NaN below two values. */
  public double standardError() {
    return Bootstrap.standardError(unitValues) * scale;
  }

  /** The interval at the bootstrap's confidence (95 % by default), on the reported scale. */
  public Interval interval() {
    return interval.get();
  }

  /** The interval at {@code confidence} (same resamples and seed), on the reported scale. */
  public Interval interval(double confidence) {
    if (confidence == bootstrap.confidence()) {
      return interval.get();
    }
    return scaled(new Bootstrap(bootstrap.resamples(), bootstrap.seed(), confidence).meanInterval(unitValues));
  }

  /** How {@link #interval()} was computed (Wilson for 0/1 values, else the expanded bootstrap). */
  public IntervalMethod intervalMethod() {
    return Bootstrap.intervalMethod(unitValues);
  }

  /**
   * Whether the estimate rests on fewer than {@value TrackMetrics#SMALL_N} values: reports flag it
   * instead of letting its interval look confident.
   */
  public boolean smallN() {
    return unitValues.length < TrackMetrics.SMALL_N;
  }

  /** The confidence of {@link #interval()}. */
  public double confidence() {
    return bootstrap.confidence();
  }

  /** The item values on a 0-1 scale (a copy). */
  public double[] unitValues() {
    return unitValues.clone();
  }

  private Interval scaled(Interval i) {
    return new Interval(i.low() * scale, i.high() * scale);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s = %.4f [%.4f, %.4f] (n=%d)", key, value, interval().low(),
        interval().high(), unitValues.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Estimate e && e.key.equals(key) && Double.compare(e.value, value) == 0 && e.scale == scale
        && Arrays.equals(e.unitValues, unitValues) && e.bootstrap.equals(bootstrap);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Arrays.hashCode(unitValues);
  }
}
