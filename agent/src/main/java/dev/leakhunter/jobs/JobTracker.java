package dev.leakhunter.jobs;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
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

  // A few objects whose job methods ran (the "receivers"), weakly held: their fields are retention
  // roots. Written only on the rare path where a sample is due, so the job path stays as it was.
  private static final int RECEIVERS = 8;
  @SuppressWarnings("unchecked")
  private static final WeakReference<Object>[] RECEIVED = new WeakReference[RECEIVERS];
  private static int nextReceiver;

  // The first exit at or past this count takes the rare path: min(the sampler's point, the next
  // job when a receiver is wanted).
  private static volatile long sampleDueAt = Long.MAX_VALUE;
  private static volatile long notifyJobs = Long.MAX_VALUE;
  private static volatile boolean receiverWanted;
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
    exit(depth, null);
  }

  /**
   * Called when the host leaves a job method, normally or by an exception.
   *
   * @param receiver the object whose job method it was, null for a static method
   */
  public static void exit(int[] depth, Object receiver) {
    if (depth == null || --depth[0] != 0) {
      return;
    }
    long done = COMPLETED.incrementAndGet();
    if (done >= sampleDueAt) {
      rare(done, receiver);
    }
  }

  private static void rare(long done, Object receiver) {
    remember(receiver);
    receiverWanted = false;
    long wanted = notifyJobs;
    if (done < wanted) {
      // only a receiver was asked for: back to the sampler's own point
      sampleDueAt = wanted;
      return;
    }
    // Tell once: until the sampler asks again, the remaining exits stay on the fast path.
    sampleDueAt = Long.MAX_VALUE;
    notifyJobs = Long.MAX_VALUE;
    SampleDue l = listener;
    if (l != null) {
      l.due(done);
    }
  }

  private static synchronized void remember(Object receiver) {
    if (receiver == null) {
      return;
    }
    for (WeakReference<Object> r : RECEIVED) {
      if (r != null && r.get() == receiver) {
        return;
      }
    }
    RECEIVED[nextReceiver] = new WeakReference<>(receiver);
    nextReceiver = (nextReceiver + 1) % RECEIVERS;
  }

  /** The job receivers seen so far that are still alive (at most a few). */
  public static synchronized List<Object> receivers() {
    List<Object> live = new ArrayList<>(RECEIVERS);
    for (WeakReference<Object> r : RECEIVED) {
      Object o = r == null ? null : r.get();
      if (o != null) {
        live.add(o);
      }
    }
    return live;
  }

  /**
   * Asks the next completed job to pass its receiver to {@link #receivers()} (through the rare
   * path, so no job pays for it). Races with job exits are benign: a receiver missed or a wake-up
   * the sampler does not act on.
   */
  public static void captureNextReceiver() {
    receiverWanted = true;
    sampleDueAt = Math.min(sampleDueAt, COMPLETED.get() + 1);
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
    notifyJobs = jobs;
    sampleDueAt = receiverWanted ? Math.min(jobs, COMPLETED.get() + 1) : jobs;
  }

  /** Wakes the sampler; must be quick and must not throw. */
  @FunctionalInterface
  public interface SampleDue {
    void due(long completedJobs);
  }
}
