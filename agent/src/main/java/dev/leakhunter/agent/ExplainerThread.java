package dev.leakhunter.agent;

import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.hunt.ReportBuilder;
import dev.leakhunter.hunt.Suspects;
import dev.leakhunter.jobs.JobTracker;
import dev.leakhunter.report.Report;
import dev.leakhunter.report.TraceDot;
import dev.leakhunter.retention.Explanation;
import dev.leakhunter.retention.Holding;
import dev.leakhunter.retention.Retention;
import dev.leakhunter.retention.Target;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The hunt's explanation work, on a thread of its own: who holds the suspects (a bounded walk of
 * the heap, {@link Retention}) and where they are allocated (their constructors woven,
 * {@link AllocationTracking}). None of it may delay a census: a walk takes from tens of ms to a
 * second and weaving a class more, and on the sampler thread both held back every census due
 * meanwhile (measured: a daemon at 300 jobs/s had no census for its last 3,000 jobs after the
 * first allocation following took 691 ms).
 *
 * <p><b>Walks give way to censuses.</b> A walk's identity set (one entry per object visited) and
 * the objects it holds on to would be counted as the host's by a census taken during the walk: an
 * {@code Object[]} that comes and goes with the walks, and grows as the leak does. So the sampler
 * asks for the way ({@link #holdForCensus}) before each census: a walk in progress is abandoned
 * within ~1,000 objects, its state dropped, and the work is taken up again after the census with
 * the newest suspects. No walk starts while a census is wanted, nor when the last quiet between two
 * censuses was shorter than twice the last walk: on a daemon whose censuses come back to back
 * (every=N on micro-jobs) a walk could never finish, and its restarts took the sampler's core
 * (measured: 7-16 ms with no census, ~900 jobs past due, on 2 cores). Such a hunt finds its roots
 * in the one last walk at the end ({@link #explainNow}).
 *
 * <p><b>Its own ledger.</b> The work is charged to a ledger of its own, at the same budget as the
 * censuses: after work that cost {@code c} (the thread's CPU time), the next starts no sooner than
 * {@code c * (100 / overhead - 1)} later, and never while the ledger is over the budget. The
 * censuses' schedule never sees this ledger.
 */
final class ExplainerThread implements Runnable {

  // A walk notices a census's request within ~1,000 objects (tens of microseconds); this bound is
  // for a walk still collecting its roots (reading every class's statics), which cannot stop.
  private static final long GIVE_WAY_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** What to explain: the suspects of the sample taken at {@code jobs}. */
  record Work(long jobs, List<Suspect> suspects) {
  }

  private final AgentOptions options;
  private final AgentLog log;
  private final Retention retention;
  private final AllocationTracking allocations;
  // The newest failure of a walk (its exception, in words), or null: for the report's note.
  private volatile String failure;
  private final OverheadBudget ledger;

  private final Object lock = new Object();
  // Guarded by lock.
  private Work pending;
  private boolean walking;

  private volatile boolean censusWanted;
  private volatile boolean stopping;
  private volatile Thread thread;
  private volatile Explanation latest;
  private volatile long explanations;
  private volatile long explainedAtJobs = -1;
  private volatile long abandoned;
  // The explainer thread only.
  private long notBeforeNanos;
  // The quiet between the last two censuses (the sampler writes it), and how long a whole walk took.
  private volatile long lastQuietNanos = Long.MAX_VALUE;
  private long censusEndedNanos;
  private volatile long walkNanos;
  private volatile long walksPutOff;
  private volatile long warmUpNanos;

  /**
   * @param retention   explains suspects (roots and paths), or null when it could not be set up
   * @param allocations follows where suspects are allocated, or null
   */
  ExplainerThread(AgentOptions options, AgentLog log, Retention retention, AllocationTracking allocations,
                  long startNanos) {
    this.options = options;
    this.log = log;
    this.retention = retention;
    this.allocations = allocations;
    this.ledger = new OverheadBudget(options.overheadPercent(), startNanos);
  }

  void start() {
    Thread t = new Thread(this, "leakhunter-explainer");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * The walk's warm-up and a first walk with no target, on the caller's thread, as part of the
   * agent's warm-up (before the host's {@code main} when launched with it): reading every loaded
   * class's statics for the first time is what makes a first walk slow (hundreds of ms measured),
   * and before {@code main} nearly every class loaded is the JDK's.
   */
  void warmUp() {
    if (retention == null) {
      return;
    }
    try {
      AgentWarmup.exercise(retention, options.out());
    } catch (Throwable t) {
      log.error("warm-up of the retention walk failed (roots may be missing)", t);
    }
    // Apart: the first walk is most of the warm-up's worth (see above), whatever became of the rest.
    try {
      Explanation first = retention.prime(List.of());
      warmUpNanos = first.nanos();
    } catch (Throwable t) {
      log.error("the first retention walk failed (roots may be missing)", t);
    }
  }

  /**
   * A first walk with no target over the host's classes too, on the caller's thread: see
   * Retention.prime. Called by the sampler right before the baseline census, so that what the
   * first reflection on the host's classes leaves behind is in the baseline; it may hold the
   * baseline back, never a later census.
   */
  void prime() {
    if (retention == null) {
      return;
    }
    try {
      Explanation primed = retention.prime(JobTracker.receivers());
      walkNanos = primed.nanos();
      log.info("roots: first walk " + primed.visited() + " objects in "
          + TimeUnit.NANOSECONDS.toMillis(primed.nanos()) + " ms (before the baseline census; "
          + TimeUnit.NANOSECONDS.toMillis(warmUpNanos) + " ms at warm-up)");
    } catch (Throwable t) {
      log.error("the first walk for roots failed", t);
      failure = t.toString();
    } finally {
      JobTracker.captureNextReceiver();
    }
  }

  /** The newest failure of a walk for roots, in words, or null when none failed. */
  String failure() {
    return failure;
  }

  /** Asks for the suspects of the latest sample to be explained; replaces what was asked before. */
  void explain(long jobs, List<Suspect> suspects) {
    if (suspects.isEmpty() && options.trace() == null) {
      return;
    }
    synchronized (lock) {
      pending = new Work(jobs, List.copyOf(suspects));
      lock.notifyAll();
    }
  }

  /**
   * Called by the sampler before a census: a walk in progress is abandoned and its state dropped
   * (waits for that, briefly), and none starts until {@link #censusDone}.
   */
  void holdForCensus() {
    censusWanted = true;
    if (censusEndedNanos > 0) {
      lastQuietNanos = System.nanoTime() - censusEndedNanos;
    }
    long deadline = System.nanoTime() + GIVE_WAY_MAX_NANOS;
    synchronized (lock) {
      long left;
      while (walking && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  void censusDone() {
    censusEndedNanos = System.nanoTime();
    censusWanted = false;
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** True when the newest whole walk found what holds the first of {@code suspects} (or there is none). */
  boolean foundRootsOfLead(List<Suspect> suspects) {
    Explanation e = latest;
    return e != null && (suspects.isEmpty() || !e.of(suspects.get(0).type()).isEmpty());
  }

  /** The newest whole walk's findings, or null before the first. */
  Explanation latest() {
    return latest;
  }

  /** How many walks have completed: the report is rewritten when this moves. */
  long explanations() {
    return explanations;
  }

  /** The job count of the sample the newest whole walk explained; -1 before the first. */
  long explainedAtJobs() {
    return explainedAtJobs;
  }

  long spentNanos() {
    return ledger.spentNanos();
  }

  long abandonedWalks() {
    return abandoned;
  }

  /** Walks not started because censuses came too close together for one to finish. */
  long walksPutOff() {
    return walksPutOff;
  }

  /** Stops the thread: a walk in progress is abandoned; waits for it up to {@code joinMillis}. */
  void stop(long joinMillis) {
    stopping = true;
    censusWanted = true;
    Thread t = thread;
    synchronized (lock) {
      lock.notifyAll();
    }
    if (t != null && joinMillis > 0 && t != Thread.currentThread()) {
      try {
        t.join(joinMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * One last walk on the caller's thread (the shutdown hook or a detach, after {@link #stop}), when
   * the newest explanation is older than the final sample: without it a hunt whose censuses came
   * too fast for any walk to finish would end with no roots. Bounded by the walk's own limits.
   */
  void explainNow(long jobs, List<Suspect> suspects) {
    Thread t = thread;
    if (t != null && t.isAlive()) {
      return; // still busy: it would race with this walk
    }
    if (suspects.isEmpty() && options.trace() == null) {
      return;
    }
    censusWanted = false;
    long started = System.nanoTime();
    long startedCpu = Cpu.threadNanos();
    explainOnce(new Work(jobs, suspects), false);
    ledger.charge(Cpu.since(startedCpu, started));
  }

  @Override
  public void run() {
    while (!stopping) {
      Work work = awaitWork();
      if (work == null) {
        return;
      }
      long started = System.nanoTime();
      long startedCpu = Cpu.threadNanos();
      try {
        follow(work.suspects());
        if (lastQuietNanos >= 2 * walkNanos) {
          explainOnce(work, true);
        } else {
          walksPutOff++;
        }
      } catch (Throwable t) {
        log.error("could not explain the suspects", t);
      }
      long cost = Cpu.since(startedCpu, started);
      ledger.charge(cost);
      long now = System.nanoTime();
      double idleShare = Math.max(0, 100.0 / options.overheadPercent() - 1.0);
      notBeforeNanos = Math.max(now + (long) (cost * idleShare), ledger.notBefore());
    }
  }

  /** The newest work, once no census is wanted and the ledger allows; null when stopping. */
  private Work awaitWork() {
    while (!stopping) {
      long wait = notBeforeNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, Math.min(wait, MAX_PARK_NANOS));
        continue;
      }
      synchronized (lock) {
        if (pending != null && !censusWanted) {
          Work w = pending;
          pending = null;
          return w;
        }
        try {
          lock.wait(TimeUnit.NANOSECONDS.toMillis(MAX_PARK_NANOS));
        } catch (InterruptedException e) {
          return null;
        }
      }
    }
    return null;
  }

  private void explainOnce(Work work, boolean giveWay) {
    if (retention == null) {
      return;
    }
    List<Target> targets = Suspects.walkTargets(work.suspects());
    String trace = options.trace();
    if (trace != null && !hasType(targets, trace)) {
      targets.add(new Target(trace, 0));
    }
    if (targets.isEmpty()) {
      return;
    }
    Explanation explained;
    synchronized (lock) {
      if (giveWay && censusWanted) {
        putBack(work);
        return;
      }
      walking = true;
    }
    try {
      explained = retention.explain(work.jobs(), targets, JobTracker.receivers(), () -> giveWay && censusWanted);
    } catch (Throwable t) {
      log.error("could not find the roots of the suspects", t);
      failure = t.toString();
      explained = null;
    } finally {
      synchronized (lock) {
        walking = false;
        lock.notifyAll();
      }
      // The next job's receiver, for the next walk: the receivers of several workers add up.
      JobTracker.captureNextReceiver();
    }
    if (explained == null) {
      if (giveWay && censusWanted) {
        abandoned++;
        putBack(work);
      }
      return;
    }
    latest = explained;
    walkNanos = explained.nanos();
    explainedAtJobs = work.jobs();
    explanations++;
    logRetention(explained, work.suspects());
  }

  /** An abandoned walk's work goes back, unless newer work came meanwhile. */
  private void putBack(Work work) {
    synchronized (lock) {
      if (pending == null) {
        pending = work;
      }
    }
  }

  /**
   * Suspects' constructors get the allocation advice once they are suspects: their sites are known
   * from the next census on, whose full GC has cleared the dead samples' references.
   */
  private void follow(List<Suspect> suspects) {
    if (allocations == null || suspects.isEmpty()) {
      return;
    }
    List<String> types = Suspects.types(suspects);
    int failed = allocations.failures().size();
    List<String> before = allocations.followed();
    long started = System.nanoTime();
    allocations.follow(types);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    for (String type : allocations.followed()) {
      if (!before.contains(type)) {
        log.info("following the allocations of " + type + " (" + ms + " ms)");
      }
    }
    List<String> failures = allocations.failures();
    for (String f : failures.subList(failed, failures.size())) {
      log.info("cannot follow allocations of " + f);
    }
  }

  private void logRetention(Explanation explained, List<Suspect> suspects) {
    StringBuilder line = new StringBuilder("roots: walked ").append(explained.visited()).append(" objects in ")
        .append(TimeUnit.NANOSECONDS.toMillis(explained.nanos())).append(" ms");
    int cluster = 0;
    for (Suspect s : suspects) {
      List<Holding> held = explained.of(s.type());
      if (s.cluster() != cluster && !held.isEmpty()) {
        cluster = s.cluster();
        line.append("; ").append(s.type()).append(" <- ").append(held.get(0).root());
      }
    }
    for (String note : explained.notes()) {
      line.append("; ").append(note);
    }
    log.info(line.toString());
    String trace = options.trace();
    if (trace != null) {
      List<Report.Root> roots = ReportBuilder.roots(explained, trace);
      for (Report.Root r : roots) {
        log.info("trace " + trace + " <- " + r.root() + ": " + String.join(" -> ", r.path()));
      }
      if (roots.isEmpty()) {
        log.info("trace " + trace + ": no instance reachable from the roots walked");
      }
      try {
        TraceDot.write(options.out(), trace, roots);
      } catch (Exception e) {
        log.error("could not write " + TraceDot.fileName(trace), e);
      }
    }
  }

  private static boolean hasType(List<Target> targets, String type) {
    for (Target t : targets) {
      if (t.type().equals(type)) {
        return true;
      }
    }
    return false;
  }
}
