package dev.leakhunter.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

/** The rule on single series; the model-level tests cover it on whole runs. */
class SeriesRuleTest {
  private static final long[] JOBS = jobs(20, 10, 40);

  private final SeriesRule rule = new SeriesRule(64);

  @Test
  void bestSplitFindsTheJump() {
    long[] y = {3, 4, 3, 4, 90, 91, 90, 91, 90};
    assertEquals(4, SeriesRule.bestSplit(y, 0, y.length));
    long[] offset = {-1, 3, 4, 3, 4, 90, 91, 90, 91, 90};
    assertEquals(5, SeriesRule.bestSplit(offset, 1, offset.length), "index into the whole array");
  }

  @Test
  void bestSplitDoesNotIsolateASpikeAtEitherEnd() {
    long[] y = {500, 10, 10, 10, 10, 10, 10, 500};
    int split = SeriesRule.bestSplit(y, 0, y.length);
    assertTrue(split >= 2 && split <= 6, "split " + split);
  }

  @Test
  void splitRateOfALineIsItsSlope() {
    long[] y = new long[JOBS.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 3 * JOBS[i] + 7;
    }
    int split = SeriesRule.bestSplit(y, 0, y.length);
    assertEquals(3.0, SeriesRule.splitRate(JOBS, y, 0, split, y.length), 1e-9);
  }

  @Test
  void lineIsGrowthAndConfidenceIsHigh() {
    long[] y = series(job -> 100 + job);
    double confidence = rule.sustainedGrowth(JOBS, y, 0, y.length, 8, 0.01);
    assertTrue(confidence > 0.999, "confidence " + confidence);
  }

  @Test
  void growthThatStalledIsNotALeak() {
    // java.lang.Object[] of a healthy fixture, JDK 25, 400 jobs at 600/s: bursts of the JVM's and
    // the explaining's own arrays to +33 by job 286, then no higher over the last 102 jobs.
    long[] jobs = {30, 50, 70, 90, 110, 130, 153, 176, 196, 217, 237, 262, 286, 306, 326, 347, 367, 388};
    long[] count = {1843, 1848, 1848, 1849, 1849, 1852, 1861, 1860, 1865, 1865, 1868, 1869, 1880, 1876,
        1876, 1876, 1876, 1876};
    long[] bytes = {195304, 195688, 195688, 195720, 195720, 195872, 196136, 196112, 196320, 196360,
        196496, 196608, 196808, 196640, 196640, 196664, 196664, 196688};
    assertEquals(0.0, rule.sustainedGrowth(jobs, count, 0, jobs.length, 8, 0.01));
    assertEquals(0.0, rule.sustainedGrowth(jobs, bytes, 0, jobs.length, 1024, 1.0));
    assertEquals(12, SeriesRule.newestRise(count, 0, count.length), "1,876 and up since job 286");
    // Control: the same series up to job 286, where it was still rising, reads as growth.
    assertTrue(rule.sustainedGrowth(jobs, count, 0, 13, 8, 0.01) > 0);
    // A leak at the 0.1 per job floor rises at every census, however unevenly spaced.
    long[] slow = new long[jobs.length];
    for (int i = 0; i < jobs.length; i++) {
      slow[i] = 1843 + jobs[i] / 10;
    }
    assertTrue(rule.sustainedGrowth(jobs, slow, 0, jobs.length, 8, 0.01) > 0);
  }

  @Test
  void growthBelowTheMinimumIsJitter() {
    // 0.02 per job over 390 jobs: 7.8 instances, under the minimum of 8.
    long[] y = series(job -> 100 + Math.round(job * 0.02));
    assertEquals(0.0, rule.sustainedGrowth(JOBS, y, 0, y.length, 8, 0.01));
    assertTrue(rule.sustainedGrowth(JOBS, y, 0, y.length, 7, 0.01) > 0, "control: 7 is enough");
  }

  @Test
  void slopeUnderThePerJobFloorIsNotALeak() {
    long[] y = series(job -> 100 + job / 20); // 0.05 per job, 19 instances over the window
    assertTrue(rule.sustainedGrowth(JOBS, y, 0, y.length, 8, 0.01) > 0);
    assertEquals(0.0, rule.sustainedGrowth(JOBS, y, 0, y.length, 8, 0.06));
  }

  @Test
  void stepIsNotGrowthWhereverItIs() {
    for (int at = 2; at < JOBS.length - 1; at++) {
      long[] y = new long[JOBS.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = i >= at ? 1_000 : 10;
      }
      assertEquals(0.0, rule.sustainedGrowth(JOBS, y, 0, y.length, 8, 0.01), "jump at " + at);
    }
  }

  @Test
  void growthThatStopsHalfwayIsAPlateau() {
    long[] y = series(job -> 100 + Math.min(job, 200));
    assertEquals(0.0, rule.sustainedGrowth(JOBS, y, 0, y.length, 8, 0.01));
  }

  @Test
  void rateIsZeroForASeriesThatOnlyJitters() {
    long[] y = {5, 6, 5, 5, 6, 5, 6, 5, 5, 6};
    assertEquals(0.0, rule.rate(JOBS, y, 0, y.length));
    long[] rising = series(job -> 2 * job);
    assertEquals(2.0, rule.rate(JOBS, rising, 0, rising.length), 1e-12);
  }

  private static long[] series(LongUnaryOperator f) {
    long[] y = new long[JOBS.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = f.applyAsLong(JOBS[i]);
    }
    return y;
  }

  /** A StringBuilder holding 90 B per job, capacity doubling from 16 bytes, plus a heap of 200 KB. */
  private static long doublingBuffer(long job, long perJob) {
    long capacity = 16;
    while (capacity < job * perJob) {
      capacity *= 2;
    }
    return 200_000 + capacity;
  }

  @Test
  void aFewRisesOfTheJvmsOwnClassLoadingAreNotSustainedGrowth() {
    // java.lang.Class in a healthy fixture on JDK 25: +5, +1, +3, +1 over the window.
    long[] y = series(job -> 4_035 + (job >= 100 ? 5 : 0) + (job >= 200 ? 1 : 0) + (job >= 300 ? 3 : 0)
        + (job >= 350 ? 1 : 0));
    assertEquals(0, rule.sustainedGrowth(JOBS, y, 0, y.length, 8, 0.01));
    long[] sixRises = series(job -> 4_035 + job / 60 * 2);
    assertTrue(rule.sustainedGrowth(JOBS, sixRises, 0, sixRises.length, 8, 0.01) > 0,
        "the same growth in six or more rises is a leak");
  }

  @Test
  void aDoublingBufferIsSteppedGrowthThoughItsTailIsFlat() {
    long[] y = series(job -> doublingBuffer(job, 90) + (job * 7919) % 300); // in-flight jitter
    assertEquals(0, rule.sustainedGrowth(JOBS, y, 0, y.length, 1024, 1.0), "the flat tail fails the plateau test");
    assertTrue(rule.steppedGrowth(JOBS, y, 0, y.length, 1024) > 0.99);
  }

  @Test
  void aWarmUpJumpBeforeTheStaircaseDoesNotHideIt() {
    long[] y = series(job -> doublingBuffer(job, 90) + (job > 25 ? 1_000_000 : 0));
    assertTrue(rule.steppedGrowth(JOBS, y, 0, y.length, 1024) > 0.99);
  }

  @Test
  void evenSmallStepsAfterAWarmUpJumpAreNotSteppedGrowth() {
    // Object[] on JDK 17 in the SoftCache control: +8 bytes per census after a warm-up jump.
    long[] y = new long[JOBS.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 180_000 + (i > 0 ? 5_000 : 0) + 8L * i;
    }
    assertEquals(0, rule.steppedGrowth(JOBS, y, 0, y.length, 1024));
  }

  @Test
  void aDoublingBufferThatStoppedIsNotSteppedGrowthOnceItsNextStepIsOverdue() {
    // Jobs 20..410: the buffer stops growing at job 100 (12 KB), its last step at job 92.
    long[] y = series(job -> doublingBuffer(Math.min(job, 100), 90));
    assertEquals(0, rule.steppedGrowth(JOBS, y, 0, y.length, 1024));
  }

  @Test
  void aCacheFillingEverMoreSlowlyIsNotSteppedGrowth() {
    long[] y = series(job -> 200_000 + (long) (40_000 * Math.sqrt(job)) / 4_000 * 4_000);
    assertEquals(0, rule.steppedGrowth(JOBS, y, 0, y.length, 1024));
  }

  @Test
  void steppedGrowthIgnoresASpikeButNeedsThreeSteps() {
    long[] y = series(job -> job < 200 ? 100_000 : 130_000);
    y[10] += 50_000;
    assertEquals(0, rule.steppedGrowth(JOBS, y, 0, y.length, 1024));
  }

  /** Censuses taken as the sampler could: 9 jobs apart, then 79. */
  private static final long[] UNEVEN = {20, 29, 108, 128, 153};

  @Test
  void exactGrowthPerJobIsStrongAtFiveSamplesHoweverTheCensusesAreSpaced() {
    long[] even = jobs(20, 20, 5);
    assertTrue(rule.strongGrowth(even, line(even, 1), 0, 5, 8, 0.01) > 0.98);
    // Per census it rose by 9, 79, 20, 25: only against jobs is it a line.
    assertTrue(rule.strongGrowth(UNEVEN, line(UNEVEN, 1), 0, 5, 8, 0.01) > 0.98);
  }

  @Test
  void strongGrowthNeedsFiveSamples() {
    long[] x = jobs(20, 20, 5);
    assertEquals(0, rule.strongGrowth(x, line(x, 1), 1, 5, 8, 0.01));
  }

  @Test
  void strongGrowthNeedsARiseAtEverySample() {
    long[] x = jobs(20, 20, 7);
    long[] y = line(x, 1);
    assertTrue(rule.strongGrowth(x, y, 0, 7, 8, 0.01) > 0);
    y[3] = y[2];
    assertEquals(0, rule.strongGrowth(x, y, 0, 7, 8, 0.01));
  }

  @Test
  void strongGrowthNeedsFourTimesTheMinimumGrowthAndThePerJobFloor() {
    long[] x = jobs(20, 20, 5);
    long[] y = {8, 16, 24, 32, 40}; // 0.4 per job: 32 over 80 jobs
    assertTrue(rule.strongGrowth(x, y, 0, 5, 8, 0.01) > 0);
    assertEquals(0, rule.strongGrowth(x, y, 0, 5, 9, 0.01));
    assertEquals(0, rule.strongGrowth(x, y, 0, 5, 8, 0.5));
  }

  @Test
  void theLineToleranceWidensWithTheSamples() {
    // One sample 2 above the line: 2.5% of the growth over 5 samples, 2% over 6.
    long[] x = jobs(20, 20, 6);
    long[] y = line(x, 1);
    y[2] += 2;
    assertEquals(0, rule.strongGrowth(x, y, 0, 5, 8, 0.01));
    assertTrue(rule.strongGrowth(x, y, 0, 6, 8, 0.01) > 0);
  }

  @Test
  void settlingAndJumpsAreNotStrongGrowthThoughTheyRiseAtEverySample() {
    long[] x = jobs(20, 20, 7);
    long[] logarithmic = new long[7];
    long[] shrinking = {4_000, 4_040, 4_060, 4_070, 4_075, 4_078, 4_080};
    long[] jump = new long[7];
    for (int i = 0; i < 7; i++) {
      logarithmic[i] = 4_000 + Math.round(300 * Math.log(x[i]));
      jump[i] = 4_000 + x[i] / 2 + (i >= 3 ? 200 : 0);
    }
    for (int n = 5; n <= 7; n++) {
      assertEquals(0, rule.strongGrowth(x, logarithmic, 0, n, 8, 0.01), "log, " + n + " samples");
      assertEquals(0, rule.strongGrowth(x, shrinking, 0, n, 8, 0.01), "shrinking steps, " + n + " samples");
      assertEquals(0, rule.strongGrowth(x, jump, 0, n, 8, 0.01), "jump, " + n + " samples");
    }
  }

  private static long[] line(long[] x, long perJob) {
    long[] y = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 100 + perJob * x[i];
    }
    return y;
  }

  private static long[] jobs(long first, long every, int n) {
    long[] x = new long[n];
    for (int i = 0; i < n; i++) {
      x[i] = first + i * every;
    }
    return x;
  }
}
