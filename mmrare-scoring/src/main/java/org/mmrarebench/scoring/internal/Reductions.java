package org.mmrarebench.scoring.internal;

/**
 * The summations the reference uses, reproduced so that means agree to the last bit: Python's
 * left-to-right {@code sum()} and numpy's pairwise {@code np.mean}.
 */
public final class Reductions {
  private static final int PW_BLOCKSIZE = 128;

  private Reductions() {}

  /** Python {@code sum(values) / len(values)}; 0 for no values (the reference's guard). */
  public static double pythonMean(double[] v) {
    if (v.length == 0) {
      return 0.0;
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** {@code np.mean(values)} for a float64 array: pairwise summation, then division; NaN for none. */
  public static double numpyMean(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    return (0.0 + pairwiseSum(v, 0, v.length)) / v.length;
  }

  /** numpy's {@code pairwise_sum_DOUBLE}. */
  static double pairwiseSum(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else if (n <= PW_BLOCKSIZE) {
      double[] r = new double[8];
      for (int j = 0; j < 8; j++) {
        r[j] = a[from + j];
      }
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[from + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else {
      int n2 = n / 2;
      n2 -= n2 % 8;
      return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }
  }
}
