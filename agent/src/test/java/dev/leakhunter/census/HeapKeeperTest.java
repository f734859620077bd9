package dev.leakhunter.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapKeeperTest {
  private static final long MB = 1L << 20;
  private static final long SECOND = 1_000_000_000L;

  // The demo daemon flat out on JDK 17 with no -Xmx: 388 MB committed of a 6 GB maximum, 7 MB live.
  private long committed = 388 * MB;
  private long used = 7 * MB;
  private long youngMillis;
  private long youngCount;
  private long nanos;
  private final HeapKeeper keeper = new HeapKeeper(() -> committed, () -> used, () -> youngMillis, () -> youngCount, () -> nanos,
      6144 * MB, 1.0 / 13, 40);

  @Test
  void growthTheHostsYoungGcsDoNotExplainIsGivenBackToTheHostsSize() {
    census(); // the first census learns what is in use after a GC
    assertEquals(100, keeper.maxFreePercent(), "within the host's size the census never shrinks the heap");
    nanos += 5 * SECOND;
    youngMillis += 10; // 0.2% of the time in young GCs: under G1's 1%
    committed = 1036 * MB; // G1 grew it at a young GC, for the censuses' full GCs
    assertTrue(keeper.grownByCensuses());
    int percent = keeper.maxFreePercent();
    double heap = 7 * MB * 1.25 / (1 - percent / 100.0);
    assertTrue(percent < 100 && heap > 300 * MB && heap < 450 * MB,
        "the census's GC shrinks the heap to about the host's size: " + percent + "% keeps " + heap / MB + " MB");
    long before = committed;
    committed = 350 * MB;
    keeper.afterCensus(percent, before);
    assertEquals(1, keeper.timesGivenBack());
    assertEquals(388 * MB, keeper.keptBytes());
    assertFalse(keeper.grownByCensuses());
  }

  @Test
  void growthTheHostsYoungGcsExplainIsKeptInG1sOwnSteps() {
    census();
    for (int gc = 0; gc < 12; gc++) { // 3% of the time in young GCs: G1 would grow the heap without any census
      nanos += SECOND / 2;
      youngMillis += 15;
      youngCount++;
      assertFalse(keeper.grownByCensuses());
    }
    committed = 800 * MB;
    assertTrue(keeper.grownByCensuses(), "G1 grew it more than the host alone would have: the rest is given back");
    assertEquals(485 * MB, keeper.keptBytes(), "by a step of a quarter, as G1 alone grows it");
    assertTrue(keeper.maxFreePercent() < 100);
    committed = 490 * MB;
    assertFalse(keeper.grownByCensuses());
  }

  @Test
  void aHighYoungShareOverTooFewYoungGcsDoesNotExplainGrowth() {
    // A 0.6 s run: 4 young GCs took 5% of the time; G1 grew the heap only with the censuses among them.
    census();
    for (int gc = 0; gc < 4; gc++) {
      nanos += SECOND / 8;
      youngMillis += 6;
      youngCount++;
      assertFalse(keeper.grownByCensuses());
    }
    committed = 812 * MB;
    assertTrue(keeper.grownByCensuses());
    assertEquals(388 * MB, keeper.keptBytes());
  }

  @Test
  void onlyTheHostsLast10YoungGcsCount() {
    // A leaking host: young GCs took 5% of the time while its heap was small, 1.5% lately, under
    // G1's threshold at the 750 MB it has now (1.9% of a 6 GB maximum).
    committed = 750 * MB;
    HeapKeeper leaking = new HeapKeeper(() -> committed, () -> used, () -> youngMillis, () -> youngCount,
        () -> nanos, 6144 * MB, 1.0 / 13, 40);
    for (int gc = 0; gc < 40; gc++) {
      nanos += SECOND / 2;
      youngMillis += gc < 20 ? 25 : 7;
      youngCount++;
      assertFalse(leaking.grownByCensuses());
    }
    committed = 1500 * MB;
    assertTrue(leaking.grownByCensuses(), "the censuses' doing: the host's recent share is under the threshold");
  }

  @Test
  void smallGrowthIsNotWorthACensus() {
    census();
    nanos += 5 * SECOND;
    committed = 400 * MB; // within 20 MB
    assertFalse(keeper.grownByCensuses());
  }

  @Test
  void aFullGcThatGrowsTheHeapForLiveDataSetsTheSizeKept() {
    census();
    used = 300 * MB;
    long before = committed;
    committed = 600 * MB; // G1 grew it after the census's GC: 300 MB live needs 40% free
    keeper.afterCensus(100, before);
    assertEquals(600 * MB, keeper.keptBytes());
    assertFalse(keeper.grownByCensuses());
  }

  @Test
  void aGiveBackThatLeftTooMuchLearnsG1sFigureAndTriesOnceMore() {
    census();
    nanos += 5 * SECOND;
    committed = 1160 * MB;
    assertTrue(keeper.grownByCensuses());
    int percent = keeper.maxFreePercent();
    long before = committed;
    committed = 536 * MB; // G1 counted 10.7 MB used, not 7
    keeper.afterCensus(percent, before);
    assertTrue(keeper.grownByCensuses(), "once more, at once");
    int again = keeper.maxFreePercent();
    assertTrue(again < percent);
    before = committed;
    committed = 357 * MB;
    keeper.afterCensus(again, before);
    assertFalse(keeper.grownByCensuses());
    assertEquals(2, keeper.timesGivenBack());
  }

  @Test
  void thePercentIsRaisedToTheHostsMinimumAndCappedAt100() {
    assertEquals(98, HeapKeeper.maxFreePercent(7 * MB, 408 * MB, 40), "99% would keep 700 MB");
    assertEquals(99, HeapKeeper.maxFreePercent(4000 * 1024, 408 * MB, 40), "99% keeps 400 MB, within 408");
    assertEquals(98, HeapKeeper.maxFreePercent(4200 * 1024, 408 * MB, 40), "99% would keep 420 MB, over 408");
    assertEquals(75, HeapKeeper.maxFreePercent(100 * MB, 400 * MB, 40));
    assertEquals(40, HeapKeeper.maxFreePercent(390 * MB, 400 * MB, 40), "HotSpot refuses a max under the min");
    assertEquals(100, HeapKeeper.maxFreePercent(0, 400 * MB, 40));
  }

  @Test
  void g1sThresholdScalesWithTheHeapDownTo1Percent() {
    assertEquals(0.01, keeper.g1Threshold(388 * MB), 1e-9);
    assertEquals(1.0 / 13, keeper.g1Threshold(3072 * MB), 1e-9);
    assertEquals(1.0 / 13 * 2048 / 3072, keeper.g1Threshold(2048 * MB), 1e-9);
  }

  private void census() {
    keeper.afterCensus(keeper.maxFreePercent(), committed);
  }
}
