package dev.leakhunter.junit;

import dev.leakhunter.report.Report;

/**
 * Leak regression tests: run a job a few hundred times in this JVM and fail, with the suspect
 * types and their growth per job in the message, if anything keeps growing.
 *
 * <pre>{@code
 * @Test
 * void handlingOrdersKeepsNothing() {
 *   Worker worker = new Worker();
 *   LeakHunter.assertNoLeak(() -> worker.handle(nextOrder()));
 * }
 * }</pre>
 *
 * <p>No {@code -javaagent} is needed: the job runs on the calling thread, so jobs are counted
 * directly, and the censuses (live-object class histograms after a full GC) are taken in-process,
 * at fixed job counts, with the agent's own growth model. Hunts are serialized JVM-wide; other
 * threads that allocate and keep objects while a hunt runs (parallel tests, background pools the
 * job does not own) are in its censuses too, so run leak tests in isolation.
 */
public final class LeakHunter {

  private LeakHunter() {
  }

  /** {@link LeakCheck#defaults()}: 400 jobs after 50 of warm-up, a census every 25 jobs. */
  public static void assertNoLeak(ThrowingRunnable job) {
    LeakCheck.defaults().assertNoLeak(job);
  }

  /** The same with other settings; {@code check} is usually {@code LeakHunter.check().jobs(...)...}. */
  public static void assertNoLeak(LeakCheck check, ThrowingRunnable job) {
    check.assertNoLeak(job);
  }

  /** Runs the job as {@link #assertNoLeak(ThrowingRunnable)} does and returns the report. */
  public static Report measure(ThrowingRunnable job) {
    return LeakCheck.defaults().measure(job);
  }

  public static Report measure(LeakCheck check, ThrowingRunnable job) {
    return check.measure(job);
  }

  /** The default settings, to refine: {@code LeakHunter.check().jobs(600).ignore("com.acme.Cache$*")}. */
  public static LeakCheck check() {
    return LeakCheck.defaults();
  }
}
