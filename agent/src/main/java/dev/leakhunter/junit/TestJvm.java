package dev.leakhunter.junit;

import dev.leakhunter.report.Report;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The test JVM for the report header. The same facts as the agent's {@code JvmFacts}, which is
 * package-private to the agent's wiring; if it becomes public, this class goes.
 */
final class TestJvm {
  private TestJvm() {
  }

  static Report.Jvm current() {
    long max = Runtime.getRuntime().maxMemory();
    return new Report.Jvm(ProcessHandle.current().pid(), System.getProperty("java.version"), collector(),
        max == Long.MAX_VALUE ? -1 : max);
  }

  private static String collector() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      String n = gc.getName();
      if (n.contains("G1")) {
        return "G1";
      }
      if (n.contains("ZGC")) {
        return "ZGC";
      }
      if (n.contains("Shenandoah")) {
        return "Shenandoah";
      }
      if (n.startsWith("PS ")) {
        return "Parallel";
      }
      if (n.equals("Copy") || n.equals("MarkSweepCompact")) {
        return "Serial";
      }
      if (n.contains("Epsilon")) {
        return "Epsilon";
      }
    }
    return "unknown";
  }

  static String toolVersion() {
    String v = TestJvm.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
