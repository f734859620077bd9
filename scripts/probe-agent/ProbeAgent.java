import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import javax.management.DynamicMBean;
import javax.management.ObjectName;

/**
 * A throwaway agent that does one thing the leakhunter agent does, once, 0.7 s after start, so
 * that its cost to the host can be measured apart (scripts/probe-agent.sh, docs/performance.md).
 * Not part of leakhunter; the JDK only.
 *
 * <p>Modes: nothing, mbean-server (start the platform MBean server), histogram-via-server (a live
 * class histogram through the server), histogram-direct (the same through the DiagnosticCommand
 * MBean object itself; needs --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED),
 * gc (System.gc()). Histograms and the GC hold MaxHeapFreeRatio at 100, as the agent does.
 */
public final class ProbeAgent {
  private static final String[] NO_OPTIONS = {};
  private static final String[] SIGNATURE = {String[].class.getName()};

  public static void premain(String mode, Instrumentation inst) {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(700);
        run(mode);
        System.err.println("[probe-agent] did " + mode);
      } catch (Exception e) {
        System.err.println("[probe-agent] failed: " + e);
      }
    }, "probe-agent");
    t.setDaemon(true);
    t.start();
  }

  private static void run(String mode) throws Exception {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String ratio = vm.getVMOption("MaxHeapFreeRatio").getValue();
    vm.setVMOption("MaxHeapFreeRatio", "100");
    try {
      switch (mode) {
        case "nothing" -> { }
        case "mbean-server" -> ManagementFactory.getPlatformMBeanServer();
        case "histogram-via-server" -> ManagementFactory.getPlatformMBeanServer().invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
            new Object[] {NO_OPTIONS}, SIGNATURE);
        case "histogram-direct" -> {
          Method factory = Class.forName("com.sun.management.internal.DiagnosticCommandImpl")
              .getDeclaredMethod("getDiagnosticCommandMBean");
          factory.setAccessible(true);
          ((DynamicMBean) factory.invoke(null)).invoke("gcClassHistogram", new Object[] {NO_OPTIONS}, SIGNATURE);
        }
        case "gc" -> System.gc();
        default -> throw new IllegalArgumentException("unknown mode " + mode);
      }
    } finally {
      vm.setVMOption("MaxHeapFreeRatio", ratio);
    }
  }
}
