package dev.leakhunter.jobs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts job boundaries. Called from the code woven into the host's job methods, so it must be
 * public, allocation-free on the job path and unable to throw.
 *
 * <p>Nested and recursive calls of job methods on one thread count as one job: a per-thread depth
 * is kept, and only the outermost exit completes a job. Concurrent jobs on several threads are
 * counted exactly; {@link #inFlight()} is started minus completed.
 *
 * <p><b>Why per-thread counters.</b> A shared {@code AtomicLong} costs ~5 ns per job on one thread
 * and far more when two workers bounce its cache line (measured in benchmarks/JobAdviceBench: the
 * tracker with shared atomics was ~20 ns per job, over the 10 ns budget). So each thread that runs
 * jobs owns a {@link Slot} and counts into it with plain increments published by an opaque store
 * (a plain {@code mov} on x86: no fence, no lock, no shared line); the sampler, which reads rarely,
 * sums the slots. The only shared thing a job exit reads is one volatile flag, set while the
 * sampler waits for a job count ({@link #notifyAt}). A thread's first job registers its slot (one
 * allocation and a short lock, once per thread); slots of threads that died are folded into a
 * total and dropped, so memory is bounded by the live threads.
 */
public final class JobTracker {

  /** One thread's job state; only its owner thread writes it. Public for the woven code. */
  public static final class Slot {
    private static final VarHandle STARTED;
    private static final VarHandle COMPLETED;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        STARTED = lookup.findVarHandle(Slot.class, "started", long.class);
        COMPLETED = lookup.findVarHandle(Slot.class, "completed", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final WeakReference<Thread> owner;
    private int depth;
    // Written by the owner only (plain read, opaque write: readers never see a torn long).
    private long started;
    private long completed;

    private Slot(Thread owner) {
      this.owner = new WeakReference<>(owner);
    }

    private long started() {
      return (long) STARTED.getOpaque(this);
    }

    private long completed() {
      return (long) COMPLETED.getOpaque(this);
    }

    private boolean ownerDied() {
      Thread t = owner.get();
      return t == null || !t.isAlive();
    }
  }

  // A subclass, not ThreadLocal.withInitial: the supplier's call site there is shared with the host's.
  private static final ThreadLocal<Slot> SLOT = new ThreadLocal<>() {
    @Override
    protected Slot initialValue() {
      return register();
    }
  };

  // Guarded by REGISTRY: the live slots and what the dead ones had counted.
  private static final List<Slot> REGISTRY = new ArrayList<>();
  private static long retiredStarted;
  private static long retiredCompleted;
  private static int pruneAt = 64;
  // Jobs counted before the last reset(): subtracted from completed().
  private static long completedBefore;

  // Set only while the sampler waits for a job count or wants a job receiver: then an exit takes
  // the rare path. The one shared thing the fast path reads.
  private static volatile boolean armed;
  private static volatile boolean receiverWanted;
  private static final AtomicLong UNTIL_DUE = new AtomicLong(Long.MAX_VALUE);
  private static volatile SampleDue listener;

  private JobTracker() {
  }

  /** Called when the host enters a job method; returns the state {@link #exit} needs. */
  public static Slot enter() {
    // The woven code calls this without a handler of its own: nothing may escape into the host.
    try {
      Slot s = SLOT.get();
      if (s.depth++ == 0) {
        Slot.STARTED.setOpaque(s, s.started + 1);
      }
      return s;
    } catch (Throwable t) {
      return null; // exit(null, ...) is a no-op: this job is not counted
    }
  }

  // A few objects whose job methods ran (the "receivers"), weakly held: their fields are retention
  // roots. Written only on the rare path, so the job path stays as it was.
  private static final int RECEIVERS = 8;
  @SuppressWarnings("unchecked")
  private static final WeakReference<Object>[] RECEIVED = new WeakReference[RECEIVERS];
  private static int nextReceiver;

  /** Called when the host leaves a job method, normally or by an exception. */
  public static void exit(Slot s) {
    exit(s, null);
  }

  /**
   * Called when the host leaves a job method, normally or by an exception.
   *
   * @param receiver the object whose job method it was, null for a static method
   */
  public static void exit(Slot s, Object receiver) {
    if (s == null || --s.depth != 0) {
      return;
    }
    Slot.COMPLETED.setOpaque(s, s.completed + 1);
    if (armed) {
      try {
        rare(receiver);
      } catch (Throwable t) {
        // The woven code calls this without a handler of its own: nothing may escape into the host.
      }
    }
  }

  private static void rare(Object receiver) {
    if (receiverWanted) {
      receiverWanted = false;
      remember(receiver);
    }
    if (UNTIL_DUE.get() == Long.MAX_VALUE) {
      armed = receiverWanted;
      return;
    }
    if (UNTIL_DUE.decrementAndGet() == 0) {
      // Tell once: until the sampler asks again, exits stay on the fast path.
      UNTIL_DUE.set(Long.MAX_VALUE);
      armed = receiverWanted;
      SampleDue l = listener;
      if (l != null) {
        l.due(completed());
      }
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
    armed = true;
  }

  /**
   * Back to zero for a new hunt: a JVM attached again after a detach keeps this class (and its
   * counts) loaded, and the new hunt's warmup and every must count from its own attach. The slots
   * belong to their threads, so the counts are offset rather than cleared.
   */
  public static void reset() {
    notifyAt(Long.MAX_VALUE, null);
    synchronized (REGISTRY) {
      completedBefore += completed();
    }
  }

  /** Jobs completed so far (since the last {@link #reset}), exact once the exits have returned. Cost: a read per thread. */
  public static long completed() {
    synchronized (REGISTRY) {
      long sum = retiredCompleted - completedBefore;
      for (Slot s : REGISTRY) {
        sum += s.completed();
      }
      return sum;
    }
  }

  /** Jobs started and not yet completed; approximate while jobs race with the read. */
  public static long inFlight() {
    synchronized (REGISTRY) {
      long started = retiredStarted;
      long completed = retiredCompleted;
      for (Slot s : REGISTRY) {
        // completed before started: a job that ends between the two reads is not counted as -1
        completed += s.completed();
        started += s.started();
      }
      return Math.max(0, started - completed);
    }
  }

  /**
   * Asks to be told (on a job thread, so the listener must only wake another thread) when the
   * completed count reaches {@code jobs}. {@link Long#MAX_VALUE} means "don't tell me". Not told
   * if the count is already there: the caller checks {@link #completed()} after asking, and again
   * after a while (jobs that complete while this is being set up may be told a job or so late).
   */
  public static void notifyAt(long jobs, SampleDue l) {
    armed = receiverWanted;
    listener = l;
    if (jobs == Long.MAX_VALUE || l == null) {
      UNTIL_DUE.set(Long.MAX_VALUE);
      return;
    }
    long remaining = jobs - completed();
    if (remaining <= 0) {
      UNTIL_DUE.set(Long.MAX_VALUE);
      return; // already there: the caller's own check of completed() sees it
    }
    UNTIL_DUE.set(remaining);
    armed = true;
  }

  private static Slot register() {
    Slot s = new Slot(Thread.currentThread());
    synchronized (REGISTRY) {
      if (REGISTRY.size() >= pruneAt) {
        pruneDeadThreads();
        pruneAt = Math.max(64, 2 * REGISTRY.size());
      }
      REGISTRY.add(s);
    }
    return s;
  }

  private static void pruneDeadThreads() {
    for (Iterator<Slot> it = REGISTRY.iterator(); it.hasNext(); ) {
      Slot s = it.next();
      if (s.ownerDied()) {
        retiredStarted += s.started();
        retiredCompleted += s.completed();
        it.remove();
      }
    }
  }

  /** Live slots; for tests of the memory bound. */
  static int registeredThreads() {
    synchronized (REGISTRY) {
      return REGISTRY.size();
    }
  }

  /** Wakes the sampler; must be quick and must not throw. */
  @FunctionalInterface
  public interface SampleDue {
    void due(long completedJobs);
  }
}
