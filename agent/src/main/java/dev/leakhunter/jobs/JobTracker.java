package dev.leakhunter.jobs;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts job boundaries. Called from advice inlined into the host's job methods, so it must be
 * public, allocation-free on the job path and unable to throw.
 *
 * <p>Nested and recursive calls of job methods on one thread count as one job: a per-thread depth
 * is kept, and only the outermost exit completes a job. Concurrent jobs on several threads are
 * counted exactly; {@link #inFlight()} is started minus completed.
 */
public final class JobTracker {

  // One int[1] per thread that ever runs a job: the depth of job-method calls on that thread.
  // The advice carries the array from enter to exit, so exit needs no second lookup.
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  // Started is only read by the sampler: a LongAdder keeps contended workers off one cache line.
  private static final LongAdder STARTED = new LongAdder();
  // Completed is read on every exit to see whether a sample is due, so it must be exact and
  // cheap to read: one atomic increment per job.
  private static final AtomicLong COMPLETED = new AtomicLong();

  private static volatile long sampleDueAt = Long.MAX_VALUE;
  private static volatile SampleDue listener;

  private JobTracker() {
  }

  /** Called when the host enters a job method; returns the state {@link #exit} needs. */
  public static int[] enter() {
    int[] depth = DEPTH.get();
    if (depth[0]++ == 0) {
      STARTED.increment();
    }
    return depth;
  }

  /** Called when the host leaves a job method, normally or by an exception. */
  public static void exit(int[] depth) {
    if (depth == null || --depth[0] != 0) {
      return;
    }
    long done = COMPLETED.incrementAndGet();
    if (done >= sampleDueAt) {
      // Tell once: until the sampler asks again, the remaining exits stay on the fast path.
      sampleDueAt = Long.MAX_VALUE;
      SampleDue l = listener;
      if (l != null) {
        l.due(done);
      }
    }
  }

  /**
   * Back to zero for a new hunt: a JVM attached again after a detach keeps this class (and its
   * counts) loaded, and the new hunt's warmup and every must count from its own attach.
   */
  public static void reset() {
    notifyAt(Long.MAX_VALUE, null);
    COMPLETED.set(0);
    STARTED.reset();
  }

  public static long completed() {
    return COMPLETED.get();
  }

  /** Jobs started and not yet completed; approximate while jobs race with the read. */
  public static long inFlight() {
    return Math.max(0, STARTED.sum() - COMPLETED.get());
  }

  /**
   * Asks to be told (on a job thread, so the listener must only wake another thread) when the
   * completed count reaches {@code jobs}. {@link Long#MAX_VALUE} means "don't tell me".
   */
  public static void notifyAt(long jobs, SampleDue l) {
    listener = l;
    sampleDueAt = jobs;
  }

  /** Wakes the sampler; must be quick and must not throw. */
  @FunctionalInterface
  public interface SampleDue {
    void due(long completedJobs);
  }
}
