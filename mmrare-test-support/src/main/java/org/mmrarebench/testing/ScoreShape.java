package org.mmrarebench.testing;

import java.util.SplittableRandom;

/**
 * Item-score distributions shaped like MMRareBench's tracks, with their true means, for measuring
 * the coverage of intervals by simulation (the scoring tests and the benchmarks' coverage table).
 */
public enum ScoreShape {
  /** Rare binary successes (p = 0.15), like substring matches or a hard yes/no scorer. */
  BINARY(0.15) {
    @Override
    public double draw(SplittableRandom r) {
      return r.nextDouble() < 0.15 ? 1 : 0;
    }
  },
  /** Judge cascades on {0, 0.2, ..., 1} (T2/T3 yes-fractions), skewed towards 0 with a peak at 1. */
  CASCADE(0.2 * 0.15 + 0.4 * 0.15 + 0.6 * 0.1 + 0.8 * 0.1 + 1.0 * 0.2) {
    @Override
    public double draw(SplittableRandom r) {
      double u = r.nextDouble();
      return u < 0.3 ? 0 : u < 0.45 ? 0.2 : u < 0.6 ? 0.4 : u < 0.7 ? 0.6 : u < 0.8 ? 0.8 : 1.0;
    }
  },
  /** The examination /16 scale: sixteen half-points, each earned with p = 0.3. */
  EXAM_16(0.3) {
    @Override
    public double draw(SplittableRandom r) {
      int k = 0;
      for (int i = 0; i < 16; i++) {
        k += r.nextDouble() < 0.3 ? 1 : 0;
      }
      return k / 16.0;
    }
  },
  /** Token-F1 mixtures: 40 % zero, 20 % exact, 40 % partial overlap (Beta(2, 2), mean 0.5). */
  F1_MIXTURE(0.4) {
    @Override
    public double draw(SplittableRandom r) {
      double u = r.nextDouble();
      if (u < 0.4) {
        return 0;
      }
      if (u < 0.6) {
        return 1;
      }
      // Beta(2, 2) is the median of three uniforms
      double a = r.nextDouble();
      double b = r.nextDouble();
      double c = r.nextDouble();
      return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
  };

  private final double truth;

  ScoreShape(double truth) {
    this.truth = truth;
  }

  /** The true mean. */
  public double truth() {
    return truth;
  }

  /** One item score. */
  public abstract double draw(SplittableRandom r);

  /** {@code n} item scores. */
  public double[] sample(int n, SplittableRandom r) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = draw(r);
    }
    return x;
  }
}
