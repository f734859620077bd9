package dev.leakhunter.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mann–Kendall, Theil–Sen and the normal tail against values worked out by hand or tabulated. */
class TrendStatisticsTest {

  @Test
  void normalTailMatchesTables() {
    assertEquals(0.5, Normal.upperTail(0), 1e-7);
    assertEquals(0.025, Normal.upperTail(1.959964), 1e-7);
    assertEquals(0.975, Normal.upperTail(-1.959964), 1e-7);
    assertEquals(0.001, Normal.upperTail(3.090232), 0.001 * 1e-5);
    assertEquals(2.866516e-7, Normal.upperTail(5.0), 2.866516e-7 * 1e-5);
  }

  @Test
  void strictlyRisingSeriesHasTauOne() {
    long[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    MannKendall mk = MannKendall.test(y, 0, y.length, new long[y.length]);
    assertEquals(45, mk.s());
    assertEquals(1.0, mk.tau());
    // var = 10 * 9 * 25 / 18 = 125; z = 44 / sqrt(125)
    assertEquals(44 / Math.sqrt(125), mk.z(), 1e-12);
    assertTrue(mk.p() < 1e-4, "p " + mk.p());
  }

  @Test
  void tiesShrinkTheVariance() {
    // Pairs: five rising, one tie (2, 2): S = 5. var = (4*3*13 - 2*1*9) / 18 = 138 / 18.
    long[] y = {1, 2, 2, 3};
    MannKendall mk = MannKendall.test(y, 0, y.length, new long[y.length]);
    assertEquals(5, mk.s());
    assertEquals(4 / Math.sqrt(138 / 18.0), mk.z(), 1e-12);
    assertEquals(0.0743, mk.p(), 1e-4);
  }

  @Test
  void flatAndFallingSeriesShowNoUpwardTrend() {
    long[] flat = {7, 7, 7, 7, 7, 7};
    assertEquals(0.5, MannKendall.test(flat, 0, flat.length, new long[6]).p(), 1e-7);
    long[] falling = {9, 8, 7, 6, 5, 4};
    MannKendall mk = MannKendall.test(falling, 0, falling.length, new long[6]);
    assertEquals(-15, mk.s());
    assertTrue(mk.p() > 0.99, "p " + mk.p());
  }

  @Test
  void testsOnlyTheGivenRange() {
    long[] y = {100, 0, 1, 2, 3, 4, 5, -100};
    assertEquals(15, MannKendall.test(y, 1, 7, new long[8]).s());
  }

  @Test
  void theilSenIgnoresAWildSample() {
    long[] x = {10, 20, 30, 40, 50, 60, 70, 80, 90};
    long[] y = {25, 45, 65, 85, 5_000, 125, 145, 165, 185}; // 2x + 5, one census mid-burst
    double[] scratch = new double[36];
    assertEquals(2.0, TheilSen.slope(x, y, 0, x.length, scratch), 1e-12);
  }

  @Test
  void theilSenOfAnEarlyJumpIsZero() {
    long[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    long[] y = {0, 0, 50, 50, 50, 50, 50, 50, 50, 50};
    assertEquals(0.0, TheilSen.slope(x, y, 0, x.length, new double[45]));
  }
}
