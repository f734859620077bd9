package dev.leakhunter.junit;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.agent.JvmFacts;
import dev.leakhunter.census.Census;
import dev.leakhunter.census.CensusException;
import dev.leakhunter.census.ProbeReading;
import dev.leakhunter.census.Probes;
import dev.leakhunter.growth.Analysis;
import dev.leakhunter.growth.GrowthModel;
import dev.leakhunter.growth.GrowthSettings;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.hunt.ReportBuilder;
import dev.leakhunter.hunt.SamplePipeline;
import dev.leakhunter.hunt.Samples;
import dev.leakhunter.report.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One in-process hunt: the job on the calling thread, a census at fixed job counts, the agent's
 * growth model, a report. What is measured depends on the job counts only, never on timing, and
 * no other thread of ours runs meanwhile.
 *
 * <p>A leak must show twice. In a test JVM the code is still settling while the jobs run: as the
 * JIT compiles methods it resolves their string literals (the JDK's and the job's), so a few
 * dozen {@code String}s and their {@code byte[]}s appear over a few hundred jobs, in steps, and
 * now and then that reads as growth. A leak keeps growing; settling stops. So a leak verdict over
 * the window of {@code jobs} jobs is checked over a second window of the same length, with a
 * fresh model, and only types that grow in both fail the check. The second window also finds
 * the suspects' roots and allocation sites ({@link Explainer}), when the JVM gives instrumentation.
 *
 * <p>One buffer doubling as it fills grows in steps whose spacing doubles: its second window may
 * hold no step at all. Such suspects (bytes growing, count flat) are followed on ({@link StepWatch})
 * and the second window runs on, a census at the same spacing, until their next step comes or is
 * overdue: at most {@value #MAX_EXTENSIONS} more windows.
 */
final class Hunt {
  /** One hunt at a time in this JVM: two would see each other's objects in their censuses. */
  private static final Object LOCK = new Object();
  /** How many more windows' worth of jobs the second may run on for a doubling buffer's next step. */
  static final int MAX_EXTENSIONS = 8;

  private final LeakCheck check;
  private final GrowthSettings settings;
  /** Each census, less leakhunter's own types and the ones the check ignores, into a window's model. */
  private final SamplePipeline pipeline;
  /** Sized up front for both windows' censuses and the longest run-on: see Samples. */
  private final Samples samples;
  private long done;

  Hunt(LeakCheck check) {
    this.check = check;
    // Room for every census of a window: the model never thins, every census counts.
    this.settings = GrowthSettings.defaults().withCapacity(Math.max(GrowthSettings.defaults().capacity(),
        check.samples() + 1));
    this.pipeline = new SamplePipeline(AgentPackages.hostObjects(check.ignored()));
    this.samples = new Samples((2 + MAX_EXTENSIONS) * check.samples() + 1);
  }

  static Report run(LeakCheck check, ThrowingRunnable job) {
    synchronized (LOCK) {
      SelfWarmup.ensure();
      return new Hunt(check).go(job);
    }
  }

  /** Only under {@link #LOCK}. */
  Report go(ThrowingRunnable job) {
    while (done < check.warmup()) {
      runOnce(job);
      done++;
    }
    long firstFrom = done;
    Analysis first = window(job, null, null);
    if (first.verdict() != Verdict.LEAK) {
      return report(first, null);
    }
    StepWatch watch = StepWatch.of(first.suspects(), done, settings);
    Explainer explainer = Explainer.of(first.suspects(), job);
    try {
      long secondFrom = done;
      Analysis second = window(job, explainer, watch);
      return report(confirmed(first, firstFrom, second, secondFrom, watch), explainer);
    } finally {
      if (explainer != null) {
        explainer.close();
      }
    }
  }

  /**
   * A baseline census, then {@code samples} more over the next {@code jobs} jobs, and more at the
   * same spacing while {@code watch} waits for a step; the model's verdict.
   */
  private Analysis window(ThrowingRunnable job, Explainer explainer, StepWatch watch) {
    if (explainer != null) {
      explainer.before(done);
    }
    GrowthModel model = new GrowthModel(settings);
    // The model allocates a series per type (names, arrays, map nodes: thousands of JDK objects)
    // when it first sees a census. After the baseline, that is a step in String, byte[] and long[]
    // big enough to hide a leak of those very types. So a stand-in model takes a census first: the
    // baseline then holds a model's worth of series, and the real model's replace the stand-in's
    // one for one when it is dropped.
    GrowthModel standIn = new GrowthModel(settings);
    standIn.add(done, pipeline.hostObjects(take()));
    long from = done;
    census(model, watch);
    standIn = null;
    for (int k = 1; k <= check.samples(); k++) {
      long due = from + ceilDiv((long) k * check.jobs(), check.samples());
      while (done < due) {
        runOnce(job);
        done++;
      }
      census(model, watch);
    }
    long spacing = ceilDiv(check.jobs(), check.samples());
    for (int k = 0; watch != null && k < MAX_EXTENSIONS * check.samples() && watch.waiting(); k++) {
      long due = done + spacing;
      while (done < due) {
        runOnce(job);
        done++;
      }
      census(model, watch);
    }
    Analysis analysis = model.analyze();
    if (explainer != null) {
      explainer.after(done);
    }
    return analysis;
  }

  private void census(GrowthModel model, StepWatch watch) {
    ProbeReading probes = Probes.read();
    SamplePipeline.Taken taken = new SamplePipeline.Taken(done, 0, probes, take());
    // The model's verdict once, at the end of the window. The second window's baseline is at the
    // first one's last job count: one sample in the report (Samples.add).
    SamplePipeline.Found found = pipeline.add(model, taken, false, done);
    samples.add(found.sample());
    if (watch != null) {
      watch.add(done, found.histogram());
    }
  }

  private static Census.Result take() {
    try {
      return Census.take();
    } catch (CensusException e) {
      throw new IllegalStateException("leakhunter cannot take a census in this JVM: " + e.getMessage(), e);
    }
  }

  /**
   * The second window's suspects that were suspects in the first as well, and the doubling buffers
   * whose steps went on past the first window.
   */
  private Analysis confirmed(Analysis first, long firstFrom, Analysis second, long secondFrom, StepWatch watch) {
    Set<String> before = new HashSet<>();
    for (Suspect s : first.suspects()) {
      before.add(s.type());
    }
    List<Suspect> both = new ArrayList<>();
    Set<String> once = new HashSet<>(before);
    for (Suspect s : second.suspects()) {
      if (before.contains(s.type())) {
        both.add(s);
        once.remove(s.type());
      } else {
        once.add(s.type());
      }
    }
    long planned = secondFrom + check.jobs();
    String ranOn = null;
    String waiting = null;
    if (watch != null) {
      Set<String> stepped = new TreeSet<>();
      // Beside a confirmed leak, such an array is most often its collection's backing array (an
      // ArrayList's Object[] grows by half in steps as its elements come): it joins the first leak
      // rather than read as a second one. Alone, it is the leak.
      int joins = both.isEmpty() ? 1 : both.get(0).cluster();
      for (Suspect s : watch.confirmed()) {
        if (once.remove(s.type())) {
          both.add(new Suspect(s.type(), s.instancesPerJob(), s.bytesPerJob(), s.confidence(), joins, s.series()));
          stepped.add(s.type());
        }
      }
      List<String> still = watch.stillWaiting();
      once.removeAll(still);
      if (!still.isEmpty()) {
        waiting = "the next doubling step of " + String.join(", ", still) + " (bytes rising in steps, count flat:"
            + " one buffer filling) was not due by job " + done + "; run more jobs to tell";
      }
      if (done > planned) {
        ranOn = "the second window ran on from job " + planned + " to job " + done + " for the next step of a buffer"
            + " doubling as it fills" + (stepped.isEmpty() ? "" : ", which came: " + String.join(", ", stepped)
            + " (its rate over both windows)");
      }
    }
    String windows = "jobs " + firstFrom + " to " + secondFrom + " and " + secondFrom + " to " + done;
    String settled = once.isEmpty() ? null : "grew in only one of " + windows + ", so not counted as leaking"
        + " (code or caches settling): " + String.join(", ", new TreeSet<>(once));
    String notes = ReportBuilder.joinNotes(ReportBuilder.joinNotes(ranOn, waiting), settled);
    if (both.isEmpty()) {
      return new Analysis(waiting == null ? Verdict.NO_LEAK : Verdict.INCONCLUSIVE, List.of(), second.samplesUsed(),
          ReportBuilder.joinNotes(second.note(), notes));
    }
    String confirmed = ReportBuilder.joinNotes(second.note(),
        "growth confirmed over " + windows + "; rates from the second");
    return new Analysis(Verdict.LEAK, both, second.samplesUsed(), ReportBuilder.joinNotes(confirmed, notes));
  }

  /** The verdict, with suspects under the check's allowance moved to the note. */
  private Report report(Analysis analysis, Explainer explainer) {
    List<Suspect> failing = new ArrayList<>();
    List<String> tolerated = new ArrayList<>();
    for (Suspect s : analysis.suspects()) {
      if (check.allowedBytesPerJob() > 0 && s.bytesPerJob() <= check.allowedBytesPerJob()) {
        tolerated.add(s.type());
      } else {
        failing.add(s);
      }
    }
    Verdict verdict = analysis.verdict();
    String note = analysis.note();
    if (!tolerated.isEmpty()) {
      if (failing.isEmpty()) {
        verdict = Verdict.NO_LEAK;
      }
      note = ReportBuilder.joinNotes(note,
          "growing within allowedBytesPerJob=" + check.allowedBytesPerJob() + ": " + String.join(", ", tolerated));
    }
    ReportBuilder reports = new ReportBuilder(JvmFacts.agentVersion(), JvmFacts.current(), check.asMap(),
        explainer == null ? null : explainer.allocations());
    return reports.report(new Report.Jobs(done, 0, check.warmup()), samples.list(), verdict, failing, note,
        explainer == null ? null : explainer.explained());
  }

  private static void runOnce(ThrowingRunnable job) {
    try {
      job.run();
    } catch (Throwable t) {
      throw Hunt.<RuntimeException>sneaky(t);
    }
  }

  /** The job's own exception, unchanged and unwrapped, whatever its type: the test fails with it. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
