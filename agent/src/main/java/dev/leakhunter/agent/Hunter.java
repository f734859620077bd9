package dev.leakhunter.agent;

import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.census.Census;
import dev.leakhunter.census.HeapKeeper;
import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import dev.leakhunter.census.CensusException;
import dev.leakhunter.census.ProbeReading;
import dev.leakhunter.census.Probes;
import dev.leakhunter.common.OwnConstants;
import dev.leakhunter.growth.Analysis;
import dev.leakhunter.growth.GrowthModel;
import dev.leakhunter.growth.GrowthSettings;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.hunt.SamplePipeline;
import dev.leakhunter.jobs.JobTracker;
import dev.leakhunter.publish.JfrEvents;
import dev.leakhunter.publish.JmxPublisher;
import dev.leakhunter.report.Exhaustion;
import dev.leakhunter.report.Report;
import dev.leakhunter.retention.OwnObjects;
import dev.leakhunter.retention.Retention;
import dev.leakhunter.report.SampleLine;
import dev.leakhunter.report.TextReport;
import dev.leakhunter.report.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The hunt: one daemon thread, the sampler, that waits for the next census to be due, takes it,
 * puts it through the {@link SamplePipeline} (the stages the JUnit API's censuses go through too),
 * logs a line and hands the verdict to the {@link HuntReport}, which rewrites the report when it is
 * time. Nothing here runs on a job thread: the job advice only wakes this thread (see
 * {@link JobTracker}).
 *
 * <p>The census cadence comes first. Explaining the suspects (walks for roots, weaving for
 * allocation sites) runs on the {@link ExplainerThread}, which gives way to every census. At the
 * end (shutdown, detach) a last census is taken when the last one is older than the sampling
 * interval, so that the final report describes the end of the run.
 */
final class Hunter implements Runnable {

  private static final int FAILURES_BEFORE_GIVING_UP = 3;
  // A census with no job in flight is cleaner; wait for such a moment, but only briefly.
  private static final int QUIESCE_POLLS = 20;
  private static final long QUIESCE_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
  private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
  // How often the sampler looks whether G1 grew the heap because of the censuses (see HeapKeeper).
  // G1 takes its young regions from the top of the heap, the new ones first: the host touches them
  // at its allocation rate (280 MB/s on the demo flat out) until the census gives them back. Each
  // look is two counter reads: 50 a second cost nothing measurable.
  private static final long HEAP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long SHUTDOWN_SETTLE_MAX_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long SHUTDOWN_SETTLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  // At shutdown, how long to wait for a census in progress before the last one.
  private static final long SAMPLER_JOIN_AT_SHUTDOWN_MILLIS = 2_000;
  private static final long EXPLAINER_JOIN_MILLIS = 1_000;

  private final AgentOptions options;
  private final AgentLog log;
  private final ExplainerThread explainer;
  private final AllocationTracking allocations;
  // Null when the collector is not G1: the census then never shrinks the heap.
  private final HeapKeeper heap;
  // Set when the census about to be taken is one to give back heap the censuses made G1 grow.
  private boolean givingBack;
  // Says once when the jobs pattern matched nothing; set before start(), or null.
  private NoJobsWarning noJobs;
  // One sample at a time: the sampler's, or the last one at the end once the sampler has stopped.
  private final Object sampling = new Object();
  private boolean primed;
  private final SamplingSchedule schedule;
  // The census without the agent's own objects and without the JVM's heap fillers.
  private final SamplePipeline pipeline = new SamplePipeline(AgentPackages.hostObjects(List.of()));
  private final GrowthModel model = new GrowthModel(GrowthSettings.defaults());
  private final HuntReport report;
  private final PerJobLine perJobLine;
  private final JfrEvents jfr = new JfrEvents();
  private final JmxPublisher jmx;
  // The job rate's dip after each census: sampler thread only.
  private final AfterEffects afterEffects = new AfterEffects();
  // The process's CPU when the agent started (about: the hunter is made at the start), and over the censuses' pauses.
  private final long processCpuAtStart = Cpu.processNanos();
  private volatile long censusCpuNanos;

  // Set by whichever thread warms up: the launcher's before start(), or the sampler (start()
  // publishes it to the sampler).
  private boolean warm;
  private volatile Thread thread;
  private volatile boolean stopping;
  private long lastSampledJobs = -1;
  // The census due next, as the sampler last computed it: the last census at the end is taken only if due.
  private volatile SamplingSchedule.Due nextDue;
  private volatile Analysis lastAnalysis;
  private int failures;
  private long lastPauseNanos;
  private boolean saidGarbageCounted;
  private boolean saidGcLocker;
  // When the agent started (premain or the attach), and how long its start took before the hunt began.
  private final long agentStartNanos;
  private volatile long startupNanos;
  // The agent's own objects, of its own types, at the last census; -1 before the first.
  private volatile long agentObjectsBytes = -1;
  // The JDK-typed objects the agent holds (see OwnObjects), counted before each census and taken
  // out of it; null when the walk could not be set up or failed once.
  private OwnObjects ownObjects;
  // Their bytes at the last count; -1 before the first or when not counted.
  private volatile long agentHeldBytes = -1;
  private boolean saidOwnObjectsGaveUp;

  /**
   * @param retention   explains suspects (roots and paths), or null when it could not be set up
   * @param allocations follows where suspects are allocated
   */
  Hunter(AgentOptions options, AgentLog log, Retention retention, AllocationTracking allocations,
         long agentStartNanos) {
    long now = System.nanoTime();
    this.agentStartNanos = agentStartNanos;
    this.options = options;
    this.log = log;
    this.allocations = allocations;
    this.heap = HeapKeeper.forThisJvm();
    this.explainer = new ExplainerThread(options, log, retention, allocations, now);
    this.ownObjects = retention == null ? null : retention.ownObjects();
    this.schedule = SamplingSchedule.of(options, now);
    this.report = new HuntReport(options, log, explainer, allocations, this::ledger);
    this.perJobLine = new PerJobLine(log);
    this.jmx = new JmxPublisher(options.jmx(), this::currentReport, this::writeReportNow, log::info);
  }

  /** The report in its formats now, for the MBean's writeReport: the paths written. */
  private List<String> writeReportNow() {
    List<String> paths = new ArrayList<>();
    synchronized (sampling) {
      for (Path p : report.write(report.current(), true)) {
        paths.add(p.toAbsolutePath().toString());
      }
    }
    return paths;
  }

  /** Before {@link #start()}: the sampler says once when no job is ever seen. */
  void watchJobs(NoJobsWarning warning) {
    noJobs = warning;
  }

  void start() {
    startupNanos = System.nanoTime() - agentStartNanos;
    explainer.start();
    Thread t = new Thread(this, "leakhunter-sampler");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * Runs every path of the model and the report writers once, and takes the throwaway census (see
   * {@link AgentWarmup}). Called before {@link #start()} when the caller can afford to wait for it;
   * otherwise the sampler runs it first. Not charged to the budget: a one-off start-up cost, like
   * loading the agent's classes.
   */
  void warmUp() {
    if (warm) {
      return;
    }
    warm = true;
    try {
      model.reserve(AgentWarmup.exercise(options.out()));
    } catch (Throwable t) {
      log.error("warm-up of the report writers failed (reports may fail too)", t);
    }
    explainer.warmUp();
    // Its first count reflects on the agent's classes and the JDK's it meets (~20 ms measured).
    agentHeld(Probes.read());
  }

  @Override
  public void run() {
    warmUp();
    SamplingSchedule.Due due = schedule.first(System.nanoTime());
    while (!stopping) {
      if (!waitFor(due)) {
        return;
      }
      if (!primed) {
        primed = true;
        // Before the baseline census: the agent's string constants, made now rather than as the
        // JIT reaches its code mid-hunt (see OwnConstants), charged as sampler work.
        long startedCpu = Cpu.threadNanos();
        long started = System.nanoTime();
        int constants = OwnConstants.resolve();
        long cost = Cpu.since(startedCpu, started);
        schedule.charge(new SamplingSchedule.Cost(0, cost));
        log.info("made the agent's " + constants + " string constants in " + ms(cost) + " ms");
        // Then the first walk for roots, charged to the explanation work, not to the censuses.
        explainer.prime();
      }
      afterEffects.censusStarting(System.nanoTime(), JobTracker.completed());
      lastPauseNanos = 0;
      long started = System.nanoTime();
      long startedCpu = Cpu.threadNanos();
      boolean sampled = false;
      try {
        sampled = sample(false);
        failures = 0;
      } catch (Throwable t) {
        log.error("census failed", t);
        report.noteTrouble("a census: " + t);
        if (++failures >= FAILURES_BEFORE_GIVING_UP) {
          log.error("stopped sampling after " + failures + " failed censuses in a row; the application is unaffected");
          report.noteTrouble("sampling stopped after " + failures + " failed censuses in a row");
          return;
        }
      }
      long now = System.nanoTime();
      // From the census's own job count: every=N means at most N jobs, plus those that complete
      // during the census, from one census to the next. After no sample (a census of garbage, a
      // failure), from now: a retry at once would pay another pause for nothing new.
      due = schedule.next(sampled ? lastSampledJobs : Math.max(lastSampledJobs, JobTracker.completed()),
          cost(now - started, startedCpu), now);
      nextDue = due;
      afterEffects.censusEnded(System.nanoTime(), JobTracker.completed(), due.notBeforeNanos());
      report.notePause(schedule.pauseNote());
    }
  }

  /**
   * The census pause stops every job thread, so it costs its wall time; the rest of the sample
   * (parse, model, reports) runs beside the jobs and costs them the CPU it takes.
   */
  private SamplingSchedule.Cost cost(long wallNanos, long startedCpu) {
    long cpu = Cpu.threadNanos();
    long rest = cpu < 0 || startedCpu < 0 ? wallNanos - lastPauseNanos : cpu - startedCpu;
    return new SamplingSchedule.Cost(lastPauseNanos, Math.min(wallNanos, lastPauseNanos + Math.max(0, rest)));
  }

  /** Parks until {@code due} (jobs and time) or a stop; true when a census should be taken. */
  private boolean waitFor(SamplingSchedule.Due due) {
    Thread self = Thread.currentThread();
    long maxPark = heap == null ? MAX_PARK_NANOS : HEAP_CHECK_NANOS;
    while (!stopping) {
      if (heap != null && heap.grownByCensuses()) {
        // Memory before time: this census is due whatever the schedule says (it is charged as any).
        givingBack = true;
        if (heap.timesGivenBack() == 0) {
          log.info("G1 grew the heap to " + Units.bytes(Runtime.getRuntime().totalMemory()) + " because of the"
              + " censuses' full GCs (the host's own GCs do not explain it); censuses give it back to the "
              + Units.bytes(heap.keptBytes()) + " the host had");
        }
        return true;
      }
      long now = System.nanoTime();
      afterEffects.look(now, JobTracker.completed());
      // Woken for the next look at the job rate too (see AfterEffects), 1 ns at the least.
      long park = Math.min(maxPark, Math.max(1, afterEffects.nextLookNanos() - now));
      if (noJobs != null && noJobs.due(now)) {
        log.info(noJobs.note());
        report.noteNoJobs(noJobs.note());
      }
      if (now < due.notBeforeNanos()) {
        // A quiet wait in time (every=auto): roots a walk found meanwhile go into the report now,
        // not at the next census. Waiting for jobs (every=N), the next census does it.
        report.writeNewRoots(lastAnalysis);
        LockSupport.parkNanos(this, Math.min(due.notBeforeNanos() - now, park));
        continue;
      }
      JobTracker.notifyAt(due.atJobs(), jobs -> LockSupport.unpark(self));
      if (JobTracker.completed() >= due.atJobs()) {
        JobTracker.notifyAt(Long.MAX_VALUE, null);
        quiesce(due.atJobs());
        return true;
      }
      LockSupport.parkNanos(this, park);
    }
    return false;
  }

  /**
   * Waits briefly for a moment with no job in flight, but not past a quarter of the sampling
   * interval in jobs: on a fast daemon, waiting out the polls let hundreds of jobs slip past a
   * census due every 20.
   */
  private void quiesce(long dueAtJobs) {
    long slack = options.everyAuto() ? Long.MAX_VALUE : Math.max(1, options.every() / 4);
    for (int i = 0; i < QUIESCE_POLLS && JobTracker.inFlight() > 0; i++) {
      if (JobTracker.completed() - dueAtJobs >= slack) {
        return;
      }
      LockSupport.parkNanos(QUIESCE_POLL_NANOS);
    }
  }

  /**
   * One census and what follows from it. {@code last}: the final one, at the end of the hunt; it
   * asks for no explanation and writes no report (the caller does both).
   */
  private boolean sample(boolean last) throws CensusException {
    synchronized (sampling) {
      long jobs = JobTracker.completed();
      boolean giveBack = givingBack;
      givingBack = false;
      if (jobs <= lastSampledJobs && !giveBack) {
        return false;
      }
      long inFlight = JobTracker.inFlight();
      ProbeReading probes = Probes.read();
      Census.Result census;
      explainer.holdForCensus();
      // Counted with the explainer held, right before the census, so that the two see one state.
      Histogram agentHeld = agentHeld(probes);
      long cpuBefore = Cpu.processNanos();
      try {
        census = Census.take(heap);
      } finally {
        explainer.censusDone();
      }
      long cpuAfter = Cpu.processNanos();
      if (cpuBefore >= 0 && cpuAfter >= cpuBefore) {
        censusCpuNanos += cpuAfter - cpuBefore;
      }
      if (jobs <= lastSampledJobs) {
        lastPauseNanos = census.pauseNanos();
        return false; // taken only to give heap back: no new job, no new sample
      }
      if (allocations != null) {
        allocations.afterCensus();
      }
      lastPauseNanos = census.pauseNanos();
      agentObjectsBytes = agentObjectsBytes(census.histogram());
      if (census.gcSkipped() > 0 && !saidGcLocker) {
        // HotSpot's warning goes to the JVM's own log (stdout by default), in the host's output: say
        // whose it is, once, where the agent speaks.
        saidGcLocker = true;
        log.info("the JVM's warning 'GC locker is held; pre-dump GC was skipped' is this agent's census: a thread"
            + " of the application was in a JNI critical section (zip, checksums), so HotSpot skipped the census's"
            + " full GC; the census was taken again (said once; JDK 22+ G1 never skips)");
      }
      if (!census.liveOnly()) {
        // Garbage counted as live would read as growth, or hide it: charged, but no sample.
        if (!saidGarbageCounted) {
          saidGarbageCounted = true;
          log.info("HotSpot skipped a census's full GC " + Census.ATTEMPTS + " times in a row (a thread held the GC"
              + " locker, in a JNI critical section): that census counted garbage and is not used; so may later ones");
        }
        return false;
      }
      SamplePipeline.Taken taken = new SamplePipeline.Taken(jobs, inFlight, probes, census);
      Histogram histogram = pipeline.hostObjects(census, agentHeld);
      if (last && releasedAtExit(histogram)) {
        return false;
      }
      // Set before the model's verdict: a sample it failed to analyze is in the model all the same.
      lastSampledJobs = jobs;
      SamplePipeline.Found found = pipeline.add(model, taken, histogram, true, -1);
      Analysis analysis = found.analysis();
      boolean newLeak = analysis.verdict() == Verdict.LEAK && (lastAnalysis == null || lastAnalysis.verdict() != Verdict.LEAK);
      lastAnalysis = analysis;
      Report.Sample s = found.sample();
      report.add(s);
      Report built = report.rebuild(analysis);
      log.info(SampleLine.format(s, analysis.verdict(), analysis.suspects()));
      jfr.afterCensus(s, built);
      jmx.afterCensus();
      if (newLeak) {
        for (Exhaustion e : Exhaustion.of(built)) {
          log.info("leak " + e.cluster() + ": " + e.sentence());
        }
      }
      if (options.every() == 1) {
        perJobLine.after(histogram, jobs, inFlight);
      }
      if (last) {
        report.doneAt(JobTracker.completed());
        report.rebuild(analysis);
        return true;
      }
      explainer.explain(jobs, analysis.suspects());
      report.writeIfDue(analysis, built);
      // When its work was done, for the reports to come (this one was written before it knew; the
      // final one is rebuilt with it).
      report.doneAt(JobTracker.completed());
      return true;
    }
  }

  /**
   * Whether the last census, at the end, found fewer instances of a leak's lead type than the
   * census before it: the host let go of them as it ended (its {@code main} returned, a hook
   * cleared a cache, its pool threads ended), which says nothing of the run. Measured on the demo:
   * the census at JVM exit found none of the 1,300 orders its worker had kept, and turned the
   * final verdict to no-leak. Such a census is not used (and the log says why).
   */
  private boolean releasedAtExit(Histogram histogram) {
    Analysis before = lastAnalysis;
    if (before == null || before.verdict() != Verdict.LEAK) {
      return false;
    }
    int cluster = 0;
    for (Suspect s : before.suspects()) {
      if (s.cluster() == cluster || s.series().isEmpty()) {
        continue;
      }
      cluster = s.cluster();
      long was = s.series().get(s.series().size() - 1).instances();
      long now = instancesOf(histogram, s.type());
      if (now < was) {
        log.info("the last census, at the end, found " + now + " " + s.type() + " where the one before found " + was
            + ": the host released them as it ended; the verdict stands on the censuses taken while it ran");
        return true;
      }
    }
    return false;
  }

  private static long instancesOf(Histogram histogram, String type) {
    long n = 0;
    for (HistogramRow r : histogram.rows()) {
      if (r.type().equals(type)) {
        n += r.instances();
      }
    }
    return n;
  }

  /**
   * Stops sampling, takes the last census and writes the final report; called from the shutdown
   * hook. The host's own hooks run at the same time and usually let the current job finish, so the
   * count is read once no job is in flight and it has stood still briefly (bounded: shutdown must
   * not hang on us).
   */
  void stop() {
    stopSampling(SAMPLER_JOIN_AT_SHUTDOWN_MILLIS);
    finishSampling(true);
    writeFinalReport();
  }

  /**
   * After {@link #stopSampling}: stops the explainer and, when the next census is due already
   * (see {@link SamplingSchedule#lastCensusWanted}), takes it, then walks for its suspects if no
   * walk has since the last census. The final report's verdict, series and live figures then
   * describe the end of the run, not some earlier census.
   *
   * @param atExit the JVM is exiting: the host is tearing down what held its leaks (its shutdown
   *               hooks run, and the JDK's hook table is emptied; its pools end), so a last walk is
   *               taken only if no walk found any root during the run. Measured: a walk at exit
   *               named a running hook thread, not the hook table, as the root of a hook leak.
   */
  void finishSampling(boolean atExit) {
    try {
      explainer.stop(EXPLAINER_JOIN_MILLIS);
      awaitJobsSettled();
      Thread t = thread;
      if (t != null && t.isAlive() && t != Thread.currentThread()) {
        return; // a census that did not end in time: the sampler's sample stays the last
      }
      if (lastSampledJobs >= 0 && schedule.lastCensusWanted(nextDue, JobTracker.completed(), System.nanoTime())) {
        lastPauseNanos = 0;
        long started = System.nanoTime();
        long startedCpu = Cpu.threadNanos();
        sample(true);
        schedule.charge(cost(System.nanoTime() - started, startedCpu));
      }
      Analysis analysis = lastAnalysis;
      // At exit, a walk only when the newest one did not find the lead suspect's roots: walks put off
      // all run long (censuses too close together) could leave the report with a walk made before
      // the leak was a suspect (seen: roots of a JDK type the first walk was asked about, none of the
      // leak's, in BrowserReportIT).
      boolean stale = atExit
          ? analysis != null && !explainer.foundRootsOfLead(analysis.suspects())
          : explainer.explainedAtJobs() < lastSampledJobs;
      if (analysis != null && stale) {
        explainer.explainNow(lastSampledJobs, analysis.suspects());
      }
      if (analysis != null) {
        synchronized (sampling) {
          report.rebuild(analysis); // with the roots found and every sample's jobsAfter
        }
      }
    } catch (Throwable e) {
      log.error("could not take the last census", e);
    }
  }

  /**
   * Ends the sampler thread: wakes it and, for a detach, waits up to {@code joinMillis} for a
   * census in progress to end, so that no sample follows the final report.
   */
  void stopSampling(long joinMillis) {
    stopping = true;
    JobTracker.notifyAt(Long.MAX_VALUE, null);
    Thread t = thread;
    if (t == null) {
      return;
    }
    LockSupport.unpark(t);
    if (joinMillis > 0 && t != Thread.currentThread()) {
      try {
        t.join(joinMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The latest report with the job counts of now; for on-demand reports. */
  Report currentReport() {
    return report.current();
  }

  /**
   * Writes the final report; returns the files written. After {@link #finishSampling}, which has
   * waited for the job count to settle already (a second wait cost a detach 2 s more while the
   * daemon's jobs went on).
   */
  List<Path> writeFinalReport() {
    jmx.close();
    try {
      Report last = report.current();
      List<Path> written = report.write(last, true);
      if (!written.isEmpty()) {
        log.info("final report: " + written.get(0).toAbsolutePath());
      } else if (!options.report().isEmpty()) {
        // The findings were kept in memory while the writes failed: the last of them goes where
        // the host's log goes, so a hunt whose out could not be written loses nothing.
        log.errorBlock("the final report could not be written to " + options.out().toAbsolutePath()
            + "; it follows here", TextReport.render(last));
      }
      log.info(costLine(System.nanoTime()));
      return written;
    } catch (Throwable t) {
      log.error("could not write the final report", t);
      return List.of();
    }
  }

  /** The ledger in one line: the whole, then its parts. */
  private String costLine(long now) {
    return "the hunt cost " + ledger(now).line() + "; after-effects measured after " + afterEffects.measured()
        + " of " + afterEffects.censuses() + " censuses; walks given up for a census: " + explainer.abandonedWalks()
        + ", put off for lack of time between censuses: " + explainer.walksPutOff();
  }

  /** What the hunt has cost the host so far, in its parts (for the reports and the log). */
  Report.Cost ledger() {
    return ledger(System.nanoTime());
  }

  private Report.Cost ledger(long now) {
    long pause = schedule.pauseNanos();
    return new Report.Cost(ms(now - agentStartNanos), ms(startupNanos), ms(pause),
        ms(Math.max(0, schedule.spentNanos() - pause)), ms(explainer.spentNanos()), afterEffectsMs(),
        processCpuAtStart < 0 ? -1 : ms(censusCpuNanos), processCpuMs(), options.overheadPercent(),
        Runtime.getRuntime().totalMemory(), heap == null ? -1 : heap.keptBytes(),
        heap == null ? 0 : heap.timesGivenBack(), agentObjectsBytes, agentHeldBytes);
  }

  private long afterEffectsMs() {
    long nanos = afterEffects.chargedNanos();
    return nanos < 0 ? -1 : ms(nanos);
  }

  private long processCpuMs() {
    long now = Cpu.processNanos();
    return processCpuAtStart < 0 || now < 0 ? -1 : ms(now - processCpuAtStart);
  }

  /** The JDK-typed objects the agent holds now, or null (then nothing is taken out of the census). */
  private Histogram agentHeld(ProbeReading probes) {
    OwnObjects own = ownObjects;
    if (own == null) {
      return null;
    }
    try {
      Histogram held = own.count((int) probes.loadedClasses());
      if (held == null && !saidOwnObjectsGaveUp) {
        saidOwnObjectsGaveUp = true;
        log.info("the agent's own objects reach more than " + OwnObjects.MAX_OBJECTS + " of the JDK's: not taken"
            + " out of the censuses");
      }
      agentHeldBytes = held == null ? -1 : held.totalBytes();
      return held;
    } catch (Throwable t) {
      ownObjects = null;
      agentHeldBytes = -1;
      log.error("could not count the agent's own JDK objects (the census counts them as the host's)", t);
      return null;
    }
  }

  private static long agentObjectsBytes(Histogram census) {
    long bytes = 0;
    for (HistogramRow r : census.rows()) {
      if (AgentPackages.isAgentType(r.type())) {
        bytes += r.bytes();
      }
    }
    return bytes;
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static void awaitJobsSettled() {
    long deadline = System.nanoTime() + SHUTDOWN_SETTLE_MAX_NANOS;
    long seen = -1;
    while (System.nanoTime() < deadline) {
      long now = JobTracker.completed();
      if (now == seen && JobTracker.inFlight() == 0) {
        return;
      }
      seen = now;
      LockSupport.parkNanos(SHUTDOWN_SETTLE_POLL_NANOS);
    }
  }
}
