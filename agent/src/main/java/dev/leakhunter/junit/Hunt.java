package dev.leakhunter.junit;

import dev.leakhunter.census.Census;
import dev.leakhunter.census.CensusException;
import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.ProbeReading;
import dev.leakhunter.census.Probes;
import dev.leakhunter.growth.Analysis;
import dev.leakhunter.growth.GrowthModel;
import dev.leakhunter.growth.GrowthSettings;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.report.Report;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One in-process hunt: the job on the calling thread, a census at fixed job counts, the agent's
 * growth model, a report. Deterministic by construction: what is measured depends on the job
 * counts only, never on timing, and no other thread of ours runs meanwhile.
 */
final class Hunt {
  /** One hunt at a time in this JVM: two would see each other's objects in their censuses. */
  private static final Object LOCK = new Object();

  private final LeakCheck check;
  private final GrowthSettings settings;

  Hunt(LeakCheck check) {
    this.check = check;
    // Room for every census of the run: the model never thins, every census counts.
    this.settings = GrowthSettings.defaults().withCapacity(Math.max(GrowthSettings.defaults().capacity(),
        check.samples() + 1));
  }

  static Report run(LeakCheck check, ThrowingRunnable job) {
    synchronized (LOCK) {
      SelfWarmup.ensure();
      return new Hunt(check).go(job);
    }
  }

  /** Only under {@link #LOCK}. */
  Report go(ThrowingRunnable job) {
    TypeFilter filter = new TypeFilter(check.ignored());
    GrowthModel model = new GrowthModel(settings);
    // Sized up front: a list that grew between censuses would be growth of our own making.
    List<Report.Sample> samples = new ArrayList<>(check.samples() + 1);
    long done = 0;
    while (done < check.warmup()) {
      runOnce(job);
      done++;
    }
    // The model allocates a series per type (names, arrays, map nodes: thousands of JDK objects)
    // when it first sees a census. After the baseline, that is a step in String, byte[] and long[]
    // big enough to hide a leak of those very types. So a stand-in model takes a census first: the
    // baseline then holds a model's worth of series, and the real model's replace the stand-in's
    // one for one when it is dropped.
    GrowthModel standIn = new GrowthModel(settings);
    standIn.add(done, filter.apply(take().histogram()));
    census(model, filter, samples, done);
    standIn = null;
    for (int k = 1; k <= check.samples(); k++) {
      long due = check.warmup() + ceilDiv((long) k * check.jobs(), check.samples());
      while (done < due) {
        runOnce(job);
        done++;
      }
      census(model, filter, samples, done);
    }
    return report(model.analyze(), samples, done);
  }

  private static void census(GrowthModel model, TypeFilter filter, List<Report.Sample> samples, long jobs) {
    ProbeReading probes = Probes.read();
    Census.Result census = take();
    Histogram histogram = filter.apply(census.histogram());
    model.add(jobs, histogram);
    samples.add(new Report.Sample(jobs, ManagementFactory.getRuntimeMXBean().getUptime(), histogram.totalBytes(),
        histogram.totalInstances(), TimeUnit.NANOSECONDS.toMillis(census.pauseNanos()), 0,
        probes.loadedClasses(), probes.liveThreads()));
  }

  private static Census.Result take() {
    try {
      return Census.take();
    } catch (CensusException e) {
      throw new IllegalStateException("leakhunter cannot take a census in this JVM: " + e.getMessage(), e);
    }
  }

  /** The model's verdict, with suspects under the check's allowance moved to the note. */
  private Report report(Analysis analysis, List<Report.Sample> samples, long done) {
    List<Report.SuspectReport> failing = new ArrayList<>();
    List<String> tolerated = new ArrayList<>();
    for (Suspect s : analysis.suspects()) {
      if (check.allowedBytesPerJob() > 0 && s.bytesPerJob() <= check.allowedBytesPerJob()) {
        tolerated.add(s.type());
      } else {
        failing.add(new Report.SuspectReport(s, List.of(), List.of()));
      }
    }
    Verdict verdict = analysis.verdict();
    String note = analysis.note();
    if (!tolerated.isEmpty()) {
      if (failing.isEmpty()) {
        verdict = Verdict.NO_LEAK;
      }
      String t = "growing within allowedBytesPerJob=" + check.allowedBytesPerJob() + ": " + String.join(", ", tolerated);
      note = note == null ? t : note + "; " + t;
    }
    return new Report(Report.SCHEMA, new Report.Tool("leakhunter", TestJvm.toolVersion()), TestJvm.current(),
        check.asMap(), new Report.Jobs(done, 0, check.warmup()), samples, verdict, note, failing);
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
