package dev.leakhunter.agent;

import dev.leakhunter.report.Report;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** Facts about this JVM for the report header: the agent's and the JUnit API's. */
public final class JvmFacts {

  private JvmFacts() {
  }

  public static Report.Jvm current() {
    long max = Runtime.getRuntime().maxMemory();
    return new Report.Jvm(ProcessHandle.current().pid(), System.getProperty("java.version"), collector(),
        max == Long.MAX_VALUE ? -1 : max);
  }

  /** The collector's family name, from its MXBeans' names ("G1 Young Generation" is G1). */
  static String collector() {
    StringBuilder names = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.append(gc.getName()).append(';');
    }
    return collectorFamily(names.toString());
  }

  static String collectorFamily(String beanNames) {
    if (beanNames.contains("G1")) {
      return "G1";
    }
    if (beanNames.contains("ZGC")) {
      return "ZGC";
    }
    if (beanNames.contains("Shenandoah")) {
      return "Shenandoah";
    }
    if (beanNames.contains("PS ")) {
      return "Parallel";
    }
    if (beanNames.contains("Copy") || beanNames.contains("MarkSweepCompact")) {
      return "Serial";
    }
    if (beanNames.contains("Epsilon")) {
      return "Epsilon";
    }
    return beanNames.isEmpty() ? "unknown" : beanNames.substring(0, beanNames.length() - 1);
  }

  public static String agentVersion() {
    String v = JvmFacts.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
