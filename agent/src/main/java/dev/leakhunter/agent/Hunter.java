package dev.leakhunter.agent;

import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.allocation.Site;
import dev.leakhunter.census.Census;
import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import dev.leakhunter.census.CensusException;
import dev.leakhunter.census.ProbeReading;
import dev.leakhunter.census.Probes;
import dev.leakhunter.growth.Analysis;
import dev.leakhunter.growth.GrowthModel;
import dev.leakhunter.growth.GrowthSettings;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.jobs.JobTracker;
import dev.leakhunter.report.Report;
import dev.leakhunter.report.TraceDot;
import dev.leakhunter.retention.Explanation;
import dev.leakhunter.retention.Holding;
import dev.leakhunter.retention.Retention;
import dev.leakhunter.retention.Target;
import dev.leakhunter.report.ReportWriter;
import dev.leakhunter.report.SampleLine;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The hunt: one daemon thread that waits for the next census to be due, takes it, feeds the
 * growth model, logs a line and rewrites the report when the verdict changes. Nothing here runs on
 * a job thread: the job advice only wakes this thread (see {@link JobTracker}).
 */
final class Hunter implements Runnable {

  private static final int SAMPLES_IN_REPORT = 64;
  private static final int FAILURES_BEFORE_GIVING_UP = 3;
  // A census with no job in flight is cleaner; wait for such a moment, but only briefly.
  private static final int QUIESCE_POLLS = 20;
  private static final long QUIESCE_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
  private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long REWRITE_AT_LEAST_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long SHUTDOWN_SETTLE_MAX_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long SHUTDOWN_SETTLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  // Suspects explained per sample (the walk counts each); the ranking puts the lead types first.
  private static final int TYPES_EXPLAINED = 8;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  // Looked up once: each lookup runs JDK streams and lambdas whose profiles the host shares.
  private static final RuntimeMXBean RUNTIME = ManagementFactory.getRuntimeMXBean();

  private final AgentOptions options;
  private final AgentLog log;
  private final Retention retention;
  private final AllocationTracking allocations;
  private boolean primed;
  private final SamplingSchedule schedule;
  private final GrowthModel model = new GrowthModel(GrowthSettings.defaults());
  private final ArrayDeque<Report.Sample> samples = new ArrayDeque<>(SAMPLES_IN_REPORT);
  private final Report.Tool tool = new Report.Tool("leakhunter", JvmFacts.agentVersion());
  private final Report.Jvm jvm = JvmFacts.current();

  // Set by whichever thread warms up: the launcher's before start(), or the sampler (start()
  // publishes it to the sampler).
  private boolean warm;
  private volatile Thread thread;
  private volatile boolean stopping;
  private volatile Report latest;
  private long lastSampledJobs = -1;
  private long lastWriteNanos;
  private List<String> lastSuspectTypes = List.of();
  private Verdict lastVerdict;
  private int failures;
  // every=1 only: live instances per type at the previous census, for the per-job line.
  private Map<String, Long> previousCounts;
  private long previousJobs;
  private long lastPauseNanos;
  private boolean saidGarbageCounted;
  // Why sampling is held back beyond the budget (huge heap), or null: logged once, in the report.
  private String pauseNote;
  private String analysisNote;

  /**
   * @param retention   explains suspects (roots and paths), or null when it could not be set up
   * @param allocations follows where suspects are allocated
   */
  Hunter(AgentOptions options, AgentLog log, Retention retention, AllocationTracking allocations) {
    this.options = options;
    this.log = log;
    this.retention = retention;
    this.allocations = allocations;
    this.schedule = SamplingSchedule.of(options, System.nanoTime());
    this.latest = buildReport(Analysis.inconclusive(0, noSampleYet()), null);
  }

  void start() {
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
  }

  @Override
  public void run() {
    warmUp();
    SamplingSchedule.Due due = schedule.first(System.nanoTime());
    while (!stopping) {
      if (!waitFor(due)) {
        return;
      }
      lastPauseNanos = 0;
      long started = System.nanoTime();
      long startedCpu = cpuNanos();
      try {
        sample();
        failures = 0;
      } catch (Throwable t) {
        log.error("census failed", t);
        if (++failures >= FAILURES_BEFORE_GIVING_UP) {
          log.error("stopped sampling after " + failures + " failed censuses in a row; the application is unaffected");
          return;
        }
      }
      long now = System.nanoTime();
      due = schedule.next(Math.max(lastSampledJobs, JobTracker.completed()), cost(now - started, startedCpu), now);
      notePauseGuard();
    }
  }

  /**
   * The census pause stops every job thread, so it costs its wall time; the rest of the sample
   * (parse, model, reports) runs beside the jobs and costs them the CPU it takes.
   */
  private SamplingSchedule.Cost cost(long wallNanos, long startedCpu) {
    long cpu = cpuNanos();
    long rest = cpu < 0 || startedCpu < 0 ? wallNanos - lastPauseNanos : cpu - startedCpu;
    return new SamplingSchedule.Cost(lastPauseNanos, Math.min(wallNanos, lastPauseNanos + Math.max(0, rest)));
  }

  private static long cpuNanos() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    } catch (RuntimeException e) { // UnsupportedOperationException on JVMs without it
      return -1;
    }
  }

  private void notePauseGuard() {
    String note = schedule.pauseNote();
    if (note == null ? pauseNote == null : note.equals(pauseNote)) {
      return;
    }
    if (note != null && pauseNote == null) {
      log.info(note);
    } else if (note == null) {
      log.info("census pauses are back within maxpause=" + options.asMap().get(AgentOptions.MAXPAUSE)
          + ": sampling at the normal pace");
    }
    pauseNote = note;
    Report r = latest;
    latest = new Report(r.schema(), r.tool(), r.jvm(), r.options(), r.jobs(), r.samples(), r.verdict(),
        withPauseNote(analysisNote), r.suspects());
  }

  private String withPauseNote(String note) {
    if (pauseNote == null) {
      return note;
    }
    return note == null ? pauseNote : note + "; " + pauseNote;
  }

  /**
   * The retention warm-up and the first walk, right after the baseline census (the host's classes
   * are loaded by then): see Retention.prime. What it leaves behind lands between the first two
   * samples, a warm-up step. Measured: run beside the sampler, the first walk landed mid-hunt on
   * JDK 25 and its reflection accessors (MemberName, DirectMethodHandle$Accessor) read as a leak;
   * run before the baseline census, it held the baseline back by its duration (100-900 ms).
   */
  private void prime() {
    try {
      AgentWarmup.exercise(retention, options.out());
    } catch (Throwable t) {
      log.error("warm-up of the retention walk failed (roots may be missing)", t);
    }
    try {
      Explanation primed = retention.prime(JobTracker.receivers());
      log.info("roots: first walk " + primed.visited() + " objects in "
          + TimeUnit.NANOSECONDS.toMillis(primed.nanos()) + " ms (after the baseline census)");
    } catch (Throwable t) {
      log.error("the first walk for roots failed", t);
    } finally {
      JobTracker.captureNextReceiver();
    }
  }

  /** Parks until {@code due} (jobs and time) or a stop; true when a census should be taken. */
  private boolean waitFor(SamplingSchedule.Due due) {
    Thread self = Thread.currentThread();
    while (!stopping) {
      long now = System.nanoTime();
      if (now < due.notBeforeNanos()) {
        LockSupport.parkNanos(this, Math.min(due.notBeforeNanos() - now, MAX_PARK_NANOS));
        continue;
      }
      JobTracker.notifyAt(due.atJobs(), jobs -> LockSupport.unpark(self));
      if (JobTracker.completed() >= due.atJobs()) {
        JobTracker.notifyAt(Long.MAX_VALUE, null);
        quiesce();
        return true;
      }
      LockSupport.parkNanos(this, MAX_PARK_NANOS);
    }
    return false;
  }

  private static void quiesce() {
    for (int i = 0; i < QUIESCE_POLLS && JobTracker.inFlight() > 0; i++) {
      LockSupport.parkNanos(QUIESCE_POLL_NANOS);
    }
  }

  private void sample() throws CensusException {
    long jobs = JobTracker.completed();
    if (jobs <= lastSampledJobs) {
      return;
    }
    long inFlight = JobTracker.inFlight();
    ProbeReading probes = Probes.read();
    Census.Result census = Census.take();
    if (allocations != null) {
      allocations.afterCensus();
    }
    lastPauseNanos = census.pauseNanos();
    if (!census.liveOnly()) {
      // Garbage counted as live would read as growth, or hide it: charged, but no sample.
      if (!saidGarbageCounted) {
        saidGarbageCounted = true;
        log.info("HotSpot skipped a census's full GC " + Census.ATTEMPTS + " times in a row (a thread held the GC"
            + " locker, in a JNI critical section): that census counted garbage and is not used; so may later ones");
      }
      return;
    }
    Histogram histogram = hostObjectsOnly(census.histogram());
    model.add(jobs, histogram);
    lastSampledJobs = jobs;
    Analysis analysis = model.analyze();
    Explanation explained = explain(jobs, analysis);
    followAllocations(analysis);

    if (samples.size() == SAMPLES_IN_REPORT) {
      samples.removeFirst();
    }
    Report.Sample s = new Report.Sample(jobs, RUNTIME.getUptime(),
        histogram.totalBytes(), histogram.totalInstances(), TimeUnit.NANOSECONDS.toMillis(census.pauseNanos()),
        inFlight, probes.loadedClasses(), probes.liveThreads());
    samples.addLast(s);
    if (!primed && retention != null) {
      primed = true;
      prime();
    }
    Report report = buildReport(analysis, explained);
    latest = report;
    log.info(SampleLine.format(s, analysis.verdict(), analysis.suspects()));
    if (options.every() == 1) {
      perJobLine(histogram, jobs, inFlight);
    }
    if (explained != null) {
      logRetention(explained, report);
    }
    if (changed(analysis) || System.nanoTime() - lastWriteNanos > REWRITE_AT_LEAST_EVERY_NANOS) {
      write(report);
    }
  }

  /** {@code every=1}: the types that grew since the previous census, in the jobs it covers. */
  private void perJobLine(Histogram histogram, long jobs, long inFlight) {
    Map<String, Long> counts = new HashMap<>();
    for (HistogramRow r : histogram.rows()) {
      Long before = counts.get(r.type());
      counts.put(r.type(), before == null ? r.instances() : before + r.instances());
    }
    if (previousCounts != null) {
      log.info(SampleLine.jobs(previousJobs, jobs, inFlight, previousCounts, counts));
    }
    previousCounts = counts;
    previousJobs = jobs;
  }

  private static boolean hasType(List<Target> targets, String type) {
    for (Target t : targets) {
      if (t.type().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Roots and paths of the suspects (and of the traced type, from the first sample on). The walk
   * runs here, on the sampler thread, and counts in this sample's cost.
   */
  private Explanation explain(long jobs, Analysis analysis) {
    if (retention == null) {
      return null;
    }
    try {
      List<Target> targets = new ArrayList<>();
      for (Suspect s : analysis.suspects()) {
        if (targets.size() < TYPES_EXPLAINED) {
          targets.add(new Target(s.type(), s.bytesPerJob()));
        }
      }
      String trace = options.trace();
      if (trace != null && !hasType(targets, trace)) {
        targets.add(new Target(trace, 0));
      }
      if (targets.isEmpty()) {
        return null;
      }
      return retention.explain(jobs, targets, JobTracker.receivers());
    } catch (Throwable t) {
      log.error("could not find the roots of the suspects", t);
      return null;
    } finally {
      // The next job's receiver, for the next walk: the receivers of several workers add up.
      JobTracker.captureNextReceiver();
    }
  }

  private void logRetention(Explanation explained, Report report) {
    StringBuilder line = new StringBuilder("roots: walked ").append(explained.visited()).append(" objects in ")
        .append(TimeUnit.NANOSECONDS.toMillis(explained.nanos())).append(" ms");
    int cluster = 0;
    for (Report.SuspectReport s : report.suspects()) {
      if (s.suspect().cluster() != cluster && !s.roots().isEmpty()) {
        cluster = s.suspect().cluster();
        line.append("; ").append(s.suspect().type()).append(" <- ").append(s.roots().get(0).root());
      }
    }
    for (String note : explained.notes()) {
      line.append("; ").append(note);
    }
    log.info(line.toString());
    String trace = options.trace();
    if (trace != null) {
      List<Report.Root> roots = roots(explained, trace);
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

  private static List<Report.Root> roots(Explanation explained, String type) {
    List<Report.Root> roots = new ArrayList<>();
    if (explained != null) {
      for (Holding h : explained.of(type)) {
        roots.add(new Report.Root(h.root(), h.path(), h.bytesPerJob()));
      }
    }
    return roots;
  }

  /**
   * Suspects' constructors get the allocation advice from the sample that names them on: their
   * sites are known from the next sample, whose census has cleared the dead samples' references.
   */
  private void followAllocations(Analysis analysis) {
    if (allocations == null || analysis.suspects().isEmpty()) {
      return;
    }
    try {
      List<String> types = new ArrayList<>();
      for (Suspect s : analysis.suspects()) {
        types.add(s.type());
      }
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
    } catch (Throwable t) {
      log.error("could not follow the suspects' allocations", t);
    }
  }

  private List<Report.AllocationSite> sites(String type) {
    if (allocations == null) {
      return List.of();
    }
    List<Report.AllocationSite> sites = new ArrayList<>();
    for (Site site : allocations.sites(type)) {
      sites.add(new Report.AllocationSite(site.frames(), site.survivors()));
    }
    return sites;
  }

  private boolean changed(Analysis analysis) {
    List<String> types = new ArrayList<>();
    for (Suspect s : analysis.suspects()) {
      types.add(s.type());
    }
    boolean changed = analysis.verdict() != lastVerdict || !types.equals(lastSuspectTypes);
    lastVerdict = analysis.verdict();
    lastSuspectTypes = types;
    return changed;
  }

  /** The census without the agent's own objects and without the JVM's heap fillers. */
  static Histogram hostObjectsOnly(Histogram h) {
    List<HistogramRow> rows = new ArrayList<>(h.rows().size());
    for (HistogramRow r : h.rows()) {
      if (!AgentPackages.isNotHostObject(r.type())) {
        rows.add(r);
      }
    }
    return new Histogram(rows, h.totalInstances(), h.totalBytes());
  }

  private Report buildReport(Analysis analysis, Explanation explained) {
    List<Report.SuspectReport> suspects = new ArrayList<>();
    for (Suspect s : analysis.suspects()) {
      suspects.add(new Report.SuspectReport(s, roots(explained, s.type()), sites(s.type())));
    }
    String note = analysis.note();
    if (explained != null && !explained.notes().isEmpty()) {
      String walk = "roots: " + String.join("; ", explained.notes());
      note = note == null ? walk : note + "; " + walk;
    }
    analysisNote = note;
    return new Report(Report.SCHEMA, tool, jvm, options.asMap(), jobs(), new ArrayList<>(samples),
        analysis.verdict(), withPauseNote(note), suspects);
  }

  private Report.Jobs jobs() {
    return new Report.Jobs(JobTracker.completed(), JobTracker.inFlight(), options.warmup());
  }

  private String noSampleYet() {
    return "no census yet: the first is taken after warmup=" + options.warmup() + " completed jobs of "
        + options.asMap().get(AgentOptions.JOBS);
  }

  /** The latest report with the job counts of now; for shutdown and for on-demand reports. */
  Report currentReport() {
    Report r = latest;
    // Sites fill between samples (and a type followed at the last sample has none yet in it).
    List<Report.SuspectReport> suspects = new ArrayList<>();
    for (Report.SuspectReport sr : r.suspects()) {
      List<Report.AllocationSite> now = sites(sr.suspect().type());
      suspects.add(now.isEmpty() ? sr : new Report.SuspectReport(sr.suspect(), sr.roots(), now));
    }
    return new Report(r.schema(), r.tool(), r.jvm(), r.options(), jobs(), r.samples(), r.verdict(),
        r.note(), suspects);
  }

  List<Path> write(Report report) {
    try {
      List<Path> written = ReportWriter.write(options.out(), report, options.report());
      lastWriteNanos = System.nanoTime();
      return written;
    } catch (Exception e) {
      log.error("could not write the report to " + options.out().toAbsolutePath(), e);
      return List.of();
    }
  }

  /**
   * Stops sampling and writes the final report; called from the shutdown hook. The host's own
   * hooks run at the same time and usually let the current job finish, so the count is read once
   * no job is in flight and it has stood still briefly (bounded: shutdown must not hang on us).
   */
  void stop() {
    stopSampling(0);
    writeFinalReport();
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

  /** Writes the report once the job count has settled; returns the files written. */
  List<Path> writeFinalReport() {
    try {
      awaitJobsSettled();
      List<Path> written = write(currentReport());
      if (!written.isEmpty()) {
        log.info("final report: " + written.get(0).toAbsolutePath());
      }
      long now = System.nanoTime();
      log.info("the hunt cost " + TimeUnit.NANOSECONDS.toMillis(schedule.spentNanos()) + " ms ("
          + String.format(java.util.Locale.ROOT, "%.2f", schedule.spentPercent(now)) + "% of wall time, budget "
          + options.asMap().get(AgentOptions.OVERHEAD) + "%)");
      return written;
    } catch (Throwable t) {
      log.error("could not write the final report", t);
      return List.of();
    }
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
