package dev.leakhunter.agent;

import java.util.concurrent.TimeUnit;

/**
 * What a census costs the host after it is over: the jobs it does not complete in the moments
 * that follow, as time. A forced full GC leaves the host's caches cold and its heap to be touched
 * again; none of that is in the pause or in the sampler's CPU. The host's own job counter shows
 * it: the host's rate in a short window just before a census is set against the jobs it completes
 * in a window as long just after the census and its work, and the shortfall,
 * {@code window - jobs / rate}, is what the census cost after its end. Both windows sit right
 * beside the census, so a host whose rate drifts (its JIT warming up over the first seconds)
 * reads nearly the same rate in both. Pure: times and job counts are passed in.
 *
 * <p>The shortfalls are summed as they are, signed: noise cancels out over many censuses, and a
 * host paced by its own clock (a rate limit, a timer) catches up after a pause, which reads as a
 * gain and rightly so: such a host loses no throughput. The total charged is never below 0. A
 * census is not measured when its quiet is too short to hold the windows ({@code every=N} on a
 * fast host), when it came before its quiet was over (a census to give heap back), or when the
 * window before it holds too few jobs to have a rate.
 */
final class AfterEffects {

  /** Each window, at most; a quarter of the quiet when that is shorter. */
  static final long WINDOW_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  /** A quiet whose windows would be shorter than this is not measured (the sampler looks every 20 ms). */
  static final long WINDOW_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /** The window before a census needs at least this many jobs to give a rate. */
  static final long RATE_MIN_JOBS = 20;
  /** Shortfalls kept for the median; below {@link #MEDIAN_MIN} measured, their sum is charged. */
  static final int KEPT = 63;
  static final int MEDIAN_MIN = 3;

  // The quiet now: its windows' length, when the window after the last census ends, and when the
  // one before the next census starts; 0 when this quiet is not measured.
  private long window;
  private long afterEndsNanos;
  private long beforeStartsNanos;
  // The last census: when its work ended, its jobs then, and the host's time per job just before it (0: unknown).
  private long endedNanos;
  private long endedJobs;
  private double nanosPerJobBefore;
  private boolean afterOpen;
  // The window before the next census: -1 until looked at.
  private long beforeJobs = -1;
  private long beforeAtNanos;

  // The newest shortfalls, a ring: their median is what one census costs after its end.
  private final long[] shortfalls = new long[KEPT];
  private final long[] sorted = new long[KEPT];
  private volatile int measured; // read by the ledger from other threads
  private volatile int censuses;

  /**
   * A census and its work are over at {@code nowNanos}, with {@code jobs} completed; the next one
   * is not due before {@code quietUntilNanos}.
   */
  void censusEnded(long nowNanos, long jobs, long quietUntilNanos) {
    long quiet = quietUntilNanos - nowNanos;
    window = Math.min(WINDOW_MAX_NANOS, quiet / 4);
    if (window < WINDOW_MIN_NANOS) {
      window = 0;
    }
    endedNanos = nowNanos;
    endedJobs = jobs;
    afterEndsNanos = nowNanos + window;
    beforeStartsNanos = quietUntilNanos - window;
    beforeJobs = -1;
    afterOpen = nanosPerJobBefore > 0 && window > 0;
    censuses++;
  }

  /** When the sampler should next look at the job counter, or {@code Long.MAX_VALUE}. */
  long nextLookNanos() {
    if (window == 0) {
      return Long.MAX_VALUE;
    }
    if (afterOpen) {
      return afterEndsNanos;
    }
    return beforeJobs < 0 ? beforeStartsNanos : Long.MAX_VALUE;
  }

  /** The sampler woke at {@code nowNanos} with {@code jobs} completed. */
  synchronized void look(long nowNanos, long jobs) {
    if (window == 0) {
      return;
    }
    if (afterOpen && nowNanos >= afterEndsNanos) {
      afterOpen = false;
      shortfalls[measured % KEPT] = (nowNanos - endedNanos) - Math.round((jobs - endedJobs) * nanosPerJobBefore);
      measured++;
    }
    if (!afterOpen && beforeJobs < 0 && nowNanos >= beforeStartsNanos) {
      beforeJobs = jobs;
      beforeAtNanos = nowNanos;
    }
  }

  /** The next census starts at {@code nowNanos} with {@code jobs} completed: the rate just before it is read. */
  void censusStarting(long nowNanos, long jobs) {
    afterOpen = false; // a census before its quiet was over cuts the window after the last one short
    long span = nowNanos - beforeAtNanos;
    boolean known = window > 0 && beforeJobs >= 0 && jobs - beforeJobs >= RATE_MIN_JOBS && span >= window / 2;
    nanosPerJobBefore = known ? (double) span / (jobs - beforeJobs) : 0;
    window = 0;
  }

  /**
   * What the censuses cost after their end so far, never below 0: the median shortfall for each
   * census taken (those too close together to be measured cost the same), or, with fewer than
   * {@value #MEDIAN_MIN} measured, what those measured lost; -1 while none was measured.
   */
  synchronized long chargedNanos() {
    int n = Math.min(measured, KEPT);
    if (n == 0) {
      return -1;
    }
    System.arraycopy(shortfalls, 0, sorted, 0, n);
    java.util.Arrays.sort(sorted, 0, n);
    if (n < MEDIAN_MIN) {
      long sum = 0;
      for (int i = 0; i < n; i++) {
        sum += sorted[i];
      }
      return Math.max(0, sum);
    }
    long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return Math.max(0, median) * censuses;
  }

  /** Censuses whose after-effects were measured. */
  int measured() {
    return measured;
  }

  /** All censuses taken since the first. */
  int censuses() {
    return censuses;
  }
}
