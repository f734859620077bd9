package dev.leakhunter.growth;

import java.util.Arrays;

/**
 * The Theil–Sen line: slope = median of the pairwise slopes. Up to 29% of the samples can be
 * wild (a spike, in-flight work at one census) without moving it, where least squares would
 * follow them; and a one-off jump early or late in the window leaves it at zero, because most
 * pairs then lie on the same side of the jump.
 */
final class TheilSen {
  private TheilSen() {
  }

  /**
   * Slope of {@code y} against {@code x} over {@code [from, to)}; {@code x} strictly increasing.
   *
   * @param scratch at least {@code n (n - 1) / 2} doubles; overwritten
   */
  static double slope(long[] x, long[] y, int from, int to, double[] scratch) {
    int k = 0;
    for (int i = from; i < to - 1; i++) {
      for (int j = i + 1; j < to; j++) {
        scratch[k++] = (double) (y[j] - y[i]) / (x[j] - x[i]);
      }
    }
    return median(scratch, k);
  }

  /** The median of {@code values[0, n)}, which it sorts. */
  static double median(double[] values, int n) {
    if (n == 0) {
      return 0;
    }
    Arrays.sort(values, 0, n);
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
