package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A confidence interval.
 *
 * @param low lower bound
 * @param high upper bound
 */
public record Interval(double low, double high) {
  /** Validates the order (NaN bounds are allowed for empty data). */
  public Interval {
    checkArgument(Double.isNaN(low) || Double.isNaN(high) || low <= high, "low %s > high %s", low, high);
  }

  /** Whether {@code x} lies inside, bounds included. */
  public boolean contains(double x) {
    return low <= x && x <= high;
  }
}
