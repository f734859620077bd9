package dev.leakhunter.junit;

import dev.leakhunter.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A configured leak check: how many jobs to run, how many to run first as warm-up, how many
 * censuses to take, how much growth per job to tolerate and which types to leave out. Immutable:
 * every setter returns a new check, so a shared one can be refined per test.
 *
 * <pre>{@code
 * LeakHunter.check().jobs(600).warmup(100).ignore("com.acme.metrics.*").assertNoLeak(() -> worker.handle(job()));
 * }</pre>
 *
 * <p>The census schedule is fixed by these numbers alone: a baseline census after {@code warmup}
 * jobs, then {@code samples} more, evenly spread over the next {@code jobs} jobs. Nothing depends
 * on time, so two runs of the same job take their censuses at the same job counts.
 */
public final class LeakCheck {

  /** Measured jobs after warm-up; also the growth model's minimum span when left at its default. */
  public static final int DEFAULT_JOBS = 400;
  /** Jobs before the baseline census: caches fill, lazy singletons and first-run code paths settle. */
  public static final int DEFAULT_WARMUP = 50;
  /** Censuses after the baseline: one every 25 jobs by default. */
  public static final int DEFAULT_SAMPLES = 16;

  private static final LeakCheck DEFAULTS = new LeakCheck(DEFAULT_JOBS, DEFAULT_WARMUP, DEFAULT_SAMPLES, 0, List.of());

  private final int jobs;
  private final int warmup;
  private final int samples;
  private final long allowedBytesPerJob;
  private final List<String> ignored;

  private LeakCheck(int jobs, int warmup, int samples, long allowedBytesPerJob, List<String> ignored) {
    require(jobs >= 1, "jobs", jobs, "an integer >= 1");
    require(warmup >= 0, "warmup", warmup, "an integer >= 0");
    require(samples >= 1 && samples <= jobs, "samples", samples, "an integer from 1 to jobs (" + jobs + ")");
    require(samples <= 4000, "samples", samples, "an integer <= 4000");
    require(allowedBytesPerJob >= 0, "allowedBytesPerJob", allowedBytesPerJob, "an integer >= 0");
    this.jobs = jobs;
    this.warmup = warmup;
    this.samples = samples;
    this.allowedBytesPerJob = allowedBytesPerJob;
    this.ignored = List.copyOf(ignored);
  }

  /** 400 jobs after 50 of warm-up, a census every 25 jobs, no growth tolerated, nothing ignored. */
  public static LeakCheck defaults() {
    return DEFAULTS;
  }

  /** Jobs measured after warm-up (at least 50 for a verdict: the growth model's minimum span). */
  public LeakCheck jobs(int jobs) {
    return new LeakCheck(jobs, warmup, Math.min(samples, jobs), allowedBytesPerJob, ignored);
  }

  /** Jobs run before the baseline census; 0 is allowed but first-run allocations then read as growth. */
  public LeakCheck warmup(int warmup) {
    return new LeakCheck(jobs, warmup, samples, allowedBytesPerJob, ignored);
  }

  /**
   * Censuses after the baseline, at fixed job counts (at least 7 for a verdict: with the baseline,
   * the growth model's minimum of 8). Each is a full GC of the test JVM: a few ms to tens of ms.
   */
  public LeakCheck samples(int samples) {
    return new LeakCheck(jobs, warmup, samples, allowedBytesPerJob, ignored);
  }

  /**
   * Tolerates types that grow by at most this many bytes per job (e.g. a deliberate, bounded
   * history that the test does not run long enough to fill). They are listed in the note, not failed.
   */
  public LeakCheck allowBytesPerJob(long bytesPerJob) {
    return new LeakCheck(jobs, warmup, samples, bytesPerJob, ignored);
  }

  /**
   * Leaves types out of the censuses altogether: Java-language names as the report prints them
   * ({@code byte[]}, {@code com.acme.Cache$Entry}), or a prefix ending in {@code *}
   * ({@code com.acme.metrics.*}). Adds to the types ignored so far.
   */
  public LeakCheck ignore(String... types) {
    List<String> all = new ArrayList<>(ignored);
    for (String t : types) {
      Objects.requireNonNull(t, "ignore: a type name");
      require(!t.isBlank() && !t.equals("*"), "ignore", t,
          "a type name such as com.acme.Entry or byte[], or a prefix such as com.acme.cache.*");
      all.add(t.trim());
    }
    return new LeakCheck(jobs, warmup, samples, allowedBytesPerJob, all);
  }

  public int jobs() {
    return jobs;
  }

  public int warmup() {
    return warmup;
  }

  public int samples() {
    return samples;
  }

  public long allowedBytesPerJob() {
    return allowedBytesPerJob;
  }

  public List<String> ignored() {
    return ignored;
  }

  /**
   * Runs the job {@code warmup + jobs} times on this thread with censuses at fixed job counts,
   * and fails unless nothing grows with the jobs.
   *
   * @throws LeakAssertionError (an {@code org.opentest4j.AssertionFailedError}) on a leak, and on an
   *                            inconclusive run (too few censuses or jobs: the message says how many more)
   */
  public void assertNoLeak(ThrowingRunnable job) {
    Report report = measure(job);
    String failure = Failure.message(report, this);
    if (failure != null) {
      throw new LeakAssertionError(failure, report);
    }
  }

  /** Runs the job as {@link #assertNoLeak} does and returns the report, for custom assertions. */
  public Report measure(ThrowingRunnable job) {
    return Hunt.run(this, Objects.requireNonNull(job, "job"));
  }

  /** The settings as the report's {@code options}. */
  Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("jobs", String.valueOf(jobs));
    m.put("warmup", String.valueOf(warmup));
    m.put("samples", String.valueOf(samples));
    m.put("allowedBytesPerJob", String.valueOf(allowedBytesPerJob));
    m.put("ignore", String.join(":", ignored));
    return m;
  }

  @Override
  public String toString() {
    return "LeakCheck" + asMap();
  }

  private static void require(boolean ok, String key, Object value, String validForm) {
    if (!ok) {
      throw new IllegalArgumentException("leak check setting " + key + "=" + value + " is invalid; expected " + validForm);
    }
  }
}
