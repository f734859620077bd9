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
    assertTrue(percent < 100 && 7 * MB * 1.25 / (1 - percent / 100.0) <= 408 * MB,
        "the census's GC shrinks the heap to no more than the host's size (and its slack): " + percent);
    long before = committed;
    committed = 350 * MB;
    keeper.afterCensus(percent, before);
    assertEquals(1, keeper.timesGivenBack());
    assertEquals(388 * MB, keeper.keptBytes());
    assertFalse(keeper.grownByCensuses());
  }

  @Test
  void growthTheHostsYoungGcsExplainIsKept() {
    census();
    nanos += 5 * SECOND;
    youngMillis += 150; // 3% of the time in young GCs: G1 would grow the heap without any census
    youngCount += 12;
    committed = 800 * MB;
    assertFalse(keeper.grownByCensuses());
    assertEquals(800 * MB, keeper.keptBytes());
    assertEquals(100, keeper.maxFreePercent());
  }

  @Test
  void aHighYoungShareOverTooFewYoungGcsDoesNotExplainGrowth() {
    // A 0.6 s run: 4 young GCs took 5% of the time; G1 grew the heap only with the censuses among them.
    census();
    nanos += SECOND / 2;
    youngMillis += 25;
    youngCount += 4;
    committed = 812 * MB;
    assertTrue(keeper.grownByCensuses());
    assertEquals(388 * MB, keeper.keptBytes());
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
    assertEquals(98, HeapKeeper.maxFreePercent(7 * MB, 408 * MB, 40));
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
