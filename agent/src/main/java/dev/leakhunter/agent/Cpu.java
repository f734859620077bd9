package dev.leakhunter.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The current thread's CPU time, for the ledgers: work that runs beside the jobs costs them its CPU. */
final class Cpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  private Cpu() {
  }

  /** The current thread's CPU time in ns, or -1 where the JVM does not measure it. */
  static long threadNanos() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    } catch (RuntimeException e) { // UnsupportedOperationException on JVMs without it
      return -1;
    }
  }

  /**
   * The whole process's CPU time in ns (every thread: the GC's, the JIT's, the host's), or -1 where
   * the JVM does not say. A census stops the host's threads, so the process's CPU over its pause is
   * what the census's GC threads used.
   */
  static long processNanos() {
    try {
      return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * The CPU time the current thread spent since {@code startedCpu}; its wall time since
   * {@code startedNanos} where CPU time is not measured.
   */
  static long since(long startedCpu, long startedNanos) {
    long cpu = threadNanos();
    return cpu < 0 || startedCpu < 0 ? System.nanoTime() - startedNanos : Math.max(0, cpu - startedCpu);
  }
}
