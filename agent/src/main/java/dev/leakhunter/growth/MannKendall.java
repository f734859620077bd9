package dev.leakhunter.growth;

import java.util.Arrays;

/**
 * The Mann–Kendall trend test: does a series tend to go up, whatever its shape and noise?
 *
 * <p>It only compares samples pairwise by order, so it cares neither about the scale of the
 * noise nor about a single outlier, and needs no model of how the values are distributed.
 *
 * @param s   concordant minus discordant pairs, i.e. the sum of {@code sign(y[j] - y[i])}, i &lt; j
 * @param tau {@code s} over the number of pairs: 1 for a strictly increasing series
 * @param z   normal score of {@code s}, with the continuity correction and the variance corrected
 *            for ties (a flat series is all ties)
 * @param p   one-sided p-value against "no upward trend"
 */
record MannKendall(long s, double tau, double z, double p) {

  /**
   * Tests {@code y[from, to)} in order.
   *
   * @param scratch at least {@code to - from} long; overwritten
   */
  static MannKendall test(long[] y, int from, int to, long[] scratch) {
    int n = to - from;
    long s = 0;
    for (int i = from; i < to - 1; i++) {
      for (int j = i + 1; j < to; j++) {
        s += Long.signum(y[j] - y[i]);
      }
    }
    double variance = (n * (n - 1.0) * (2.0 * n + 5) - tiesTerm(y, from, to, scratch)) / 18.0;
    double z = 0;
    if (variance > 0 && s != 0) {
      z = (s - Math.signum(s)) / Math.sqrt(variance);
    }
    long pairs = n * (n - 1L) / 2;
    return new MannKendall(s, pairs == 0 ? 0 : (double) s / pairs, z, Normal.upperTail(z));
  }

  /** Sum over groups of t equal values of {@code t (t - 1) (2t + 5)}. */
  private static double tiesTerm(long[] y, int from, int to, long[] scratch) {
    int n = to - from;
    System.arraycopy(y, from, scratch, 0, n);
    Arrays.sort(scratch, 0, n);
    double term = 0;
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && scratch[j] == scratch[i]) {
        j++;
      }
      double t = j - i;
      term += t * (t - 1) * (2 * t + 5);
      i = j;
    }
    return term;
  }
}
