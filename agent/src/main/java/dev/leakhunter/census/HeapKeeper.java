package dev.leakhunter.census;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Keeps the host's heap the size the host itself would give it, through a hunt's censuses.
 *
 * <p><b>Why.</b> G1 grows its heap after a young GC when GC pauses take more than a share of the
 * wall time: {@code 1/(1+GCTimeRatio)} (7.7%), scaled down to as little as 1% while the heap is under
 * half its maximum, as it is at the JVM's default sizing. A census's forced full GC is such a
 * pause, so a hunt spending 2% of the wall time on censuses makes G1 grow a heap the host never
 * needed: measured on the demo daemon flat out (JDK 17 and 25, no {@code -Xmx}), G1 logged a "long
 * term pause time ratio" of 3-5% against its 1% threshold and grew the heap from 388 MB to 780 MB
 * (up to 1,072 MB), and the holding of the census ({@link HeapSizeHold}, never shrink) kept it:
 * peak RSS went from 314 MB to 750 MB.
 *
 * <p><b>How.</b> The size to keep starts as the heap committed when the hunt starts. When the
 * committed heap has grown past it and the host's own young GCs took too small a share of the time
 * to explain it, the growth is the censuses' doing: {@link #grownByCensuses()} says so, the caller
 * takes a census at once, and that census's full GC shrinks the heap back
 * ({@link #maxFreePercent()}). Growth the host's young GCs explain, or its live data needs, is the
 * host's, and kept. G1 takes its young regions from the top of the heap, the new ones first, so the
 * host touches them at its allocation rate until they are given back: the caller looks often
 * (every 20 ms), and the census comes 20-40 ms after the growth.
 *
 * <p>Only for G1 (how the others size their heaps after a full GC is not measured here): on other
 * collectors the census never shrinks the heap, as before.
 */
public final class HeapKeeper {
  /** Growth under this share of the size kept, or under {@link #SLACK_BYTES}, is not worth a census. */
  static final double SLACK = 0.05;
  static final long SLACK_BYTES = 20L << 20;
  /** G1's scaled threshold never falls below 1% (G1HeapSizingPolicy::scale_with_heap). */
  static final double G1_MIN_THRESHOLD = 0.01;
  /** How much the size kept grows when the host's own young GCs explain a growth. */
  static final double HOST_STEP = 0.25;
  /** G1's history of pauses (NumPrevPausesForHeuristics). */
  static final int G1_HISTORY = 10;

  private final LongSupplier committed;
  private final LongSupplier used;
  private final LongSupplier youngMillis;
  private final LongSupplier youngCount;
  private final LongSupplier clock;
  private final long maxHeap;
  private final double pauseTimeShare;
  private final int hostMinFree;

  // Written by the sampler thread only.
  private long keep;
  private long usedAfterCensus = -1;
  private long committedAfterCensus;
  // The host's last young GCs as the checks saw them (count, total millis, when), oldest first
  // from `next`: G1's long-term ratio is over its last 10 pauses, so the host's is judged so too.
  private final long[] seenCount = new long[G1_HISTORY + 1];
  private final long[] seenMillis = new long[G1_HISTORY + 1];
  private final long[] seenNanos = new long[G1_HISTORY + 1];
  private int seen;
  private int givenBack;
  private boolean retry;
  // G1 may count more as used after a full GC than its pools say (the archive regions): learned
  // from a give-back that left more than asked.
  private double usedFactor = 1.0;

  HeapKeeper(LongSupplier committed, LongSupplier used, LongSupplier youngMillis, LongSupplier youngCount,
             LongSupplier clock, long maxHeap, double pauseTimeShare, int hostMinFree) {
    this.committed = committed;
    this.used = used;
    this.youngMillis = youngMillis;
    this.youngCount = youngCount;
    this.clock = clock;
    this.maxHeap = maxHeap;
    this.pauseTimeShare = pauseTimeShare;
    this.hostMinFree = hostMinFree;
    this.keep = committed.getAsLong();
    this.committedAfterCensus = keep;
    observeYoungGcs();
  }

  /** A keeper of this JVM's heap from now on, or null when its collector is not G1. */
  public static HeapKeeper forThisJvm() {
    GarbageCollectorMXBean young = null;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if ("G1 Young Generation".equals(gc.getName())) {
        young = gc;
      }
    }
    int ratio = HeapSizeHold.intFlag("GCTimeRatio");
    if (young == null || ratio < 0) {
      return null;
    }
    GarbageCollectorMXBean youngGc = young;
    Runtime rt = Runtime.getRuntime();
    // What the census's GC left in use as the collector counts it (its pools' usage after the last
    // GC), not the heap in use read after it: a host allocating 500 MB/s had added tens of MB by
    // then, and a percent computed from that shrank its 388 MB heap to 152 MB.
    return new HeapKeeper(rt::totalMemory, Probes::heapUsedAfterLastGc, youngGc::getCollectionTime,
        youngGc::getCollectionCount, System::nanoTime, rt.maxMemory(), 1.0 / (1 + ratio), HeapSizeHold.hostMinFreePercent());
  }

  /** The committed heap size kept for the host. */
  public long keptBytes() {
    return keep;
  }

  /** How many censuses gave back heap that G1 grew because of the censuses. */
  public int timesGivenBack() {
    return givenBack;
  }

  /**
   * True when the committed heap has grown past the size kept (and past what the last census
   * left) and the host's own young GCs do not explain it: a census now gives it back. Growth they
   * do explain becomes the size kept. Cheap: a few counter reads.
   */
  public boolean grownByCensuses() {
    observeYoungGcs();
    if (retry) {
      retry = false;
      return true;
    }
    long now = committed.getAsLong();
    if (now <= Math.max(ceiling(), committedAfterCensus)) {
      return false;
    }
    // G1 judges over its last 10 pauses, and grows after 4 over its threshold: with the censuses
    // among them it grew a 0.6 s run's heap from 388 MB to 812 MB whose host, alone, never grew
    // it, and a leaking host's from 750 MB to 1.5 GB. The host's young GCs explain a growth only
    // when their own share over their last 10 is over G1's threshold at the size kept.
    double hostShare = hostYoungShare();
    boolean enough = hostShare >= 0;
    if (enough && hostShare >= g1Threshold(keep)) {
      // The host's young GCs alone would have grown it, but in G1's own steps: alone, a host that
      // churns 500 MB/s grew 388 -> 476 -> 576 -> 692 -> 832 MB, about a fifth each time; with
      // the censuses' pauses in G1's ratio it grew 388 -> 1,696 MB at once. The size kept grows by
      // such a step; the rest is given back, and G1 grows it again if the host still needs it.
      keep = Math.min(now, keep + (long) (keep * HOST_STEP));
      return now > ceiling();
    }
    return true;
  }

  /** Notes the host's young GC count when it moved since the last look. */
  private void observeYoungGcs() {
    long count = youngCount.getAsLong();
    int last = (seen - 1) % seenCount.length;
    if (seen > 0 && seenCount[last] == count) {
      return;
    }
    int slot = seen % seenCount.length;
    seenCount[slot] = count;
    seenMillis[slot] = youngMillis.getAsLong();
    seenNanos[slot] = clock.getAsLong();
    seen++;
  }

  /**
   * The share of the time the host's last 10 or more young GCs took, from the oldest look that
   * is 10 GCs back to now; -1 when the looks have not seen 10 yet.
   */
  private double hostYoungShare() {
    if (seen < 2) {
      return -1;
    }
    int newest = (seen - 1) % seenCount.length;
    int oldest = seen >= seenCount.length ? seen % seenCount.length : 0;
    for (int k = Math.min(seen, seenCount.length) - 1; k > 0; k--) {
      int slot = (oldest + k - 1) % seenCount.length;
      // The newest look that is at least 10 GCs back.
      if (seenCount[newest] - seenCount[slot] >= G1_HISTORY) {
        long elapsed = clock.getAsLong() - seenNanos[slot];
        return elapsed <= 0 ? -1 : (youngMillis.getAsLong() - seenMillis[slot]) * 1e6 / elapsed;
      }
    }
    return -1;
  }

  /** G1's threshold for growing the heap at a committed size of {@code capacity}. */
  double g1Threshold(long capacity) {
    double half = maxHeap / 2.0;
    return capacity >= half ? pauseTimeShare : Math.max(G1_MIN_THRESHOLD, pauseTimeShare * capacity / half);
  }

  /**
   * {@code MaxHeapFreeRatio} for the next census: 100 (never shrink) while the heap is within the
   * size kept, else the value whose shrink leaves no more than the size kept, judged from the heap
   * in use after the last census. A percent is coarse when little of the heap is live (7 MB of 388
   * MB: 98% keeps 350 MB, 99% keeps 700 MB): the higher one only when it keeps no more than the
   * size kept and its slack.
   */
  public int maxFreePercent() {
    long now = committed.getAsLong();
    if (now <= ceiling() || usedAfterCensus <= 0) {
      return HeapSizeHold.NEVER_SHRINK;
    }
    return maxFreePercent((long) (usedAfterCensus * usedFactor), ceiling(), hostMinFree);
  }

  private long ceiling() {
    return keep + Math.max(SLACK_BYTES, (long) (keep * SLACK));
  }

  static int maxFreePercent(long used, long keepBytes, int hostMinFree) {
    if (used <= 0) {
      return HeapSizeHold.NEVER_SHRINK;
    }
    // G1 shrinks to used / (1 - percent/100). A percent is coarse when little is live (4 MB of a
    // 404 MB ceiling: 98% keeps 200 MB, 99% 400 MB): the higher of the two whole percents around
    // the exact one when its heap is within the ceiling, as it was on JDK 17, else the lower. The
    // one nearer by ratio was 99% for 4.7 MB live on JDK 25 (470 MB), over the ceiling: G1 kept
    // the 500 MB it had grown, and the host's young regions touched them all (peak RSS 448 MB
    // against 311 MB without the agent). A smaller heap costs the host more frequent young GCs
    // of its few live MB; a larger one costs its memory.
    double exact = 100.0 * (1.0 - (double) used / keepBytes);
    int low = (int) Math.floor(exact);
    int high = Math.min(HeapSizeHold.NEVER_SHRINK - 1, (int) Math.ceil(exact));
    int percent = high > low && heapAt(used, high) <= keepBytes ? high : low;
    return Math.min(HeapSizeHold.NEVER_SHRINK, Math.max(Math.max(hostMinFree, 0), percent));
  }

  private static double heapAt(long used, int maxFreePercent) {
    return used / (1.0 - maxFreePercent / 100.0);
  }

  /** The committed heap now: read right before a census, for {@link #afterCensus}. */
  long committedNow() {
    return committed.getAsLong();
  }

  /**
   * Called right after a census's GC, with the flag it ran with and the heap committed before it:
   * what it left, and whether it gave heap back.
   */
  void afterCensus(int maxFreePercentUsed, long committedBefore) {
    committedAfterCensus = committed.getAsLong();
    usedAfterCensus = used.getAsLong();
    if (maxFreePercentUsed < HeapSizeHold.NEVER_SHRINK) {
      if (committedAfterCensus < committedBefore) {
        givenBack++;
      }
      if (committedAfterCensus > ceiling()) {
        // G1 shrank to what it counts as used over (1 - the flag): more than the heap in use read
        // after the GC (its regions' waste, the archive). Learn G1's figure, and try once more now.
        long g1Used = (long) (committedAfterCensus * (1 - maxFreePercentUsed / 100.0));
        if (usedAfterCensus > 0 && g1Used > usedAfterCensus * usedFactor) {
          usedFactor = (double) g1Used / usedAfterCensus;
          retry = maxFreePercent(g1Used, ceiling(), hostMinFree) < maxFreePercentUsed;
        }
      }
    }
    if (committedAfterCensus > Math.max(keep, committedBefore)) {
      keep = committedAfterCensus; // the full GC grew it: the host's live data needs it
    }
  }
}
