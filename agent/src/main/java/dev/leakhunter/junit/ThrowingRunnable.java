package dev.leakhunter.junit;

/**
 * One job of a leak test. May throw anything: the first exception ends the run and propagates
 * unchanged, so the test fails with the job's own error, not with a verdict on half a run.
 */
@FunctionalInterface
public interface ThrowingRunnable {
  void run() throws Throwable;
}
