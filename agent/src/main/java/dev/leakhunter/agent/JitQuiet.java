package dev.leakhunter.agent;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Holds the hunt's own start-up (its warm-up, the baseline census and the first walk) until the
 * host's JIT compilers are quiet, for at most {@value #MAX_WAIT_MILLIS} ms.
 *
 * <p>Why: that start-up compiles some 500 methods of its own. Run while the host's hot code is
 * first compiled, it keeps C2's queue long, HotSpot's tiered policy then compiles the host's hot
 * methods without type profiles (tier 2), and the host stays slower for the rest of the run
 * (docs/performance.md, "What is left"). The compilers' total time is the signal: it is what the
 * JVM spends compiling, summed over its compiler threads. On a JVM without it, nothing waits.
 */
final class JitQuiet {

  static final long WINDOW_MILLIS = 100;
  static final long MAX_WAIT_MILLIS = 2_000;
  // Quiet: the compilers used less than a fifth of one thread over the last window.
  static final long QUIET_COMPILE_MILLIS = WINDOW_MILLIS / 5;

  /** The JVM's total compilation time in ms (-1 if it has none), and a pause that a stop may end early. */
  interface Compilers {
    long totalMillis();

    void pause(long millis);
  }

  private JitQuiet() {
  }

  /**
   * Returns once a window passed with the compilers quiet, the cap is reached or {@code stopped}
   * says so.
   *
   * @return the windows waited
   */
  static int await(Compilers compilers, long maxMillis, BooleanSupplier stopped) {
    long last = compilers.totalMillis();
    if (last < 0) {
      return 0;
    }
    int windows = 0;
    while ((windows + 1) * WINDOW_MILLIS <= maxMillis && !stopped.getAsBoolean()) {
      compilers.pause(WINDOW_MILLIS);
      windows++;
      long now = compilers.totalMillis();
      if (now - last <= QUIET_COMPILE_MILLIS) {
        break;
      }
      last = now;
    }
    return windows;
  }

  /** This JVM's compilers; a pause parks, so {@code LockSupport.unpark} of the waiting thread ends it. */
  static Compilers platform() {
    CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
    boolean timed = bean != null && bean.isCompilationTimeMonitoringSupported();
    return new Compilers() {
      @Override
      public long totalMillis() {
        return timed ? bean.getTotalCompilationTime() : -1;
      }

      @Override
      public void pause(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
      }
    };
  }
}
