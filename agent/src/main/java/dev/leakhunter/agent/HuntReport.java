package dev.leakhunter.agent;

import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.growth.Analysis;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.hunt.ReportBuilder;
import dev.leakhunter.hunt.Samples;
import dev.leakhunter.hunt.Suspects;
import dev.leakhunter.jobs.JobTracker;
import dev.leakhunter.report.Report;
import dev.leakhunter.report.ReportWriter;
import dev.leakhunter.retention.Explanation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The agent's report as it stands: rebuilt after every sample with the newest walk's roots, and
 * rewritten on disk when the verdict changes, at most once a second when the suspects or their
 * roots do, and at least every 10 s. The sampler thread drives it ({@link Hunter}, which also
 * decides when), and the end of the hunt once the sampler has stopped; {@link #current} is for
 * any thread.
 */
final class HuntReport {

  private static final int SAMPLES_IN_REPORT = 64;
  private static final long REWRITE_AT_LEAST_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  // A report write (three formats, each flushed to disk) costs a few ms: at a census every few ms
  // (every=N on a fast daemon) rewriting at each change of the suspects' order would cost more
  // than the censuses.
  private static final long REWRITE_AT_MOST_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int MAX_TROUBLES = 5;

  private final AgentOptions options;
  private final Supplier<Report.Cost> ledger;
  private final AgentLog log;
  private final ExplainerThread explainer;
  private final ReportBuilder reports;
  private final Samples samples = new Samples(SAMPLES_IN_REPORT);
  private volatile Report latest;
  private long writtenExplanations;
  private long lastWriteNanos;
  // The last write failed: the next that succeeds says so (a full disk freed, a mount back).
  private volatile boolean writeFailed;
  private List<String> lastSuspectTypes = List.of();
  private Verdict lastVerdict;
  private boolean verdictChanged;
  // Why sampling is held back beyond the budget (huge heap), or null: logged once, in the report.
  private String pauseNote;
  private String analysisNote;
  // The jobs pattern matched nothing (NoJobsWarning), or null.
  private volatile String jobsNote;
  // What of the agent's own work failed, each said once (a census, a walk, the allocation advice).
  private final Set<String> troubles = new LinkedHashSet<>();
  private final AllocationTracking allocations;

  /**
   * @param allocations follows where suspects are allocated, or null
   * @param ledger      what the hunt has cost so far, for every report written
   */
  HuntReport(AgentOptions options, AgentLog log, ExplainerThread explainer, AllocationTracking allocations,
             Supplier<Report.Cost> ledger) {
    this.ledger = ledger;
    this.options = options;
    this.log = log;
    this.explainer = explainer;
    this.allocations = allocations;
    this.reports = new ReportBuilder(JvmFacts.agentVersion(), JvmFacts.current(), options.asMap(), allocations);
    this.latest = build(Analysis.inconclusive(0, noSampleYet()));
  }

  /** The census just taken, as the reports to come list it. */
  void add(Report.Sample sample) {
    samples.add(sample);
  }

  /** The newest sample's work was done by {@code jobs} completed jobs. */
  void doneAt(long jobs) {
    samples.doneAt(jobs);
  }

  /** The report of {@code analysis} becomes the latest; returned, for {@link #writeIfDue}. */
  Report rebuild(Analysis analysis) {
    Report report = build(analysis);
    latest = report;
    return report;
  }

  /** After a sample: writes {@code report} (its rebuild) if the rules above say it is time. */
  void writeIfDue(Analysis analysis, Report report) {
    long now = System.nanoTime();
    boolean changed = changed(analysis);
    if (verdictChanged || changed && now - lastWriteNanos > REWRITE_AT_MOST_EVERY_NANOS
        || now - lastWriteNanos > REWRITE_AT_LEAST_EVERY_NANOS) {
      writtenExplanations = explainer.explanations();
      write(report);
    } else if (explainer.explanations() != writtenExplanations && now - lastWriteNanos > REWRITE_AT_MOST_EVERY_NANOS) {
      writtenExplanations = explainer.explanations();
      write(report);
    }
  }

  /**
   * Between censuses: a walk that found the suspects' roots since the last write goes into the
   * report of {@code analysis} (the newest sample's; null before the first) now.
   */
  void writeNewRoots(Analysis analysis) {
    long done = explainer.explanations();
    if (done == writtenExplanations || System.nanoTime() - lastWriteNanos < REWRITE_AT_MOST_EVERY_NANOS) {
      return;
    }
    if (analysis == null) {
      return;
    }
    writtenExplanations = done;
    write(rebuild(analysis));
  }

  /**
   * Whether the suspects changed since the last sample; sets {@link #verdictChanged}, the change
   * that is written at once.
   */
  private boolean changed(Analysis analysis) {
    List<String> types = Suspects.types(analysis.suspects());
    verdictChanged = analysis.verdict() != lastVerdict;
    boolean changed = verdictChanged || !types.equals(lastSuspectTypes);
    lastVerdict = analysis.verdict();
    lastSuspectTypes = types;
    return changed;
  }

  /** Why sampling is held back now ({@link SamplingSchedule#pauseNote}), or null: logged when it changes. */
  void notePause(String note) {
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
    latest = r.withNote(withPauseNote(analysisNote));
  }

  private String withPauseNote(String note) {
    String troubled;
    synchronized (troubles) {
      troubled = troubles.isEmpty() ? null : "the agent's own work failed (the application is unaffected): "
          + String.join("; ", troubles);
    }
    return ReportBuilder.joinNotes(ReportBuilder.joinNotes(ReportBuilder.joinNotes(jobsNote, note), pauseNote),
        troubled);
  }

  /**
   * A part of the agent's own work failed ({@code what}: a census, a walk for roots): said in the
   * report's note from now on, once per distinct {@code what} (at most {@value #MAX_TROUBLES}).
   */
  void noteTrouble(String what) {
    synchronized (troubles) {
      if (troubles.size() >= MAX_TROUBLES || !troubles.add(what)) {
        return;
      }
    }
    Report r = latest;
    if (r != null) { // null while the first report is being built
      latest = r.withNote(withPauseNote(analysisNote));
    }
  }

  /** The jobs pattern matched nothing: said in the report from now on, and written at once. */
  void noteNoJobs(String note) {
    jobsNote = note;
    Report r = latest;
    latest = r.withNote(withPauseNote(analysisNote));
    write(latest);
  }

  /** The report of {@code analysis}, with the roots of the newest walk that reached its suspects. */
  private Report build(Analysis analysis) {
    Explanation explained = explainer.latest();
    String walkFailed = explainer.failure();
    if (walkFailed != null) {
      noteTrouble("finding roots: " + walkFailed);
    }
    Throwable advice = allocations == null ? null : allocations.adviceFailure();
    if (advice != null) { // said once: the log and the note each keep a message once
      log.error("following allocations failed in a followed constructor (the constructor ended as it would have;"
          + " sites may be missing)", advice);
      noteTrouble("following allocations: " + advice);
    }
    String note = analysis.note();
    if (explained != null && !explained.notes().isEmpty()) {
      note = ReportBuilder.joinNotes(note, "roots: " + String.join("; ", explained.notes()));
    }
    analysisNote = note;
    return reports.report(jobs(), samples.list(), analysis.verdict(), analysis.suspects(), withPauseNote(note),
        explained, analysis.plateaus());
  }

  private Report.Jobs jobs() {
    return new Report.Jobs(JobTracker.completed(), JobTracker.inFlight(), options.warmup());
  }

  private String noSampleYet() {
    return "no census yet: the first is taken after warmup=" + options.warmup() + " completed jobs of "
        + options.asMap().get(AgentOptions.JOBS);
  }

  /** The latest report with the job counts of now; for shutdown and for on-demand reports. */
  Report current() {
    Report r = latest;
    // Sites fill between samples (and a type followed at the last sample has none yet in it).
    List<Report.SuspectReport> suspects = new ArrayList<>();
    for (Report.SuspectReport sr : r.suspects()) {
      List<Report.AllocationSite> now = reports.sites(sr.suspect().type());
      suspects.add(now.isEmpty() ? sr : new Report.SuspectReport(sr.suspect(), sr.roots(), now));
    }
    return r.asOf(jobs(), suspects, ledger.get());
  }

  /** A report during the hunt: not forced to the disk (see ReportWriter.writeInterim). */
  private List<Path> write(Report report) {
    return write(report.withCost(ledger.get()), false);
  }

  List<Path> write(Report report, boolean durable) {
    try {
      List<Path> written = durable ? ReportWriter.write(options.out(), report, options.report())
          : ReportWriter.writeInterim(options.out(), report, options.report());
      lastWriteNanos = System.nanoTime();
      if (writeFailed) {
        writeFailed = false;
        log.info("the report is written again to " + options.out().toAbsolutePath());
      }
      return written;
    } catch (Exception e) {
      writeFailed = true;
      // Said once per distinct failure (AgentLog); the next sample retries, and the final report
      // goes to stderr if it cannot be written either (Hunter.writeFinalReport).
      log.error("could not write the report to " + options.out().toAbsolutePath() + " (the findings stay in"
          + " memory; retried at the next report; the final one is printed here if it cannot be written)", e);
      return List.of();
    }
  }
}
