package dev.leakhunter.census;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Keeps a census's forced full GC from shrinking the host's heap.
 *
 * <p>After a full GC HotSpot gives back memory until at most {@code MaxHeapFreeRatio} percent of the
 * heap is free (70 by default). The host never asked for that GC: left alone, each census shrank a
 * demo daemon's heap from 380 MB to 20-30 MB, its young GCs went from 37 to 72 in the same 200,000
 * jobs, and its throughput fell by about 3% (docs/performance.md). The flag is {@code manageable}, so
 * for the length of the census it is raised to 100 (never shrink) and then put back; a host that
 * changed it meanwhile keeps its own value. A JVM without the flag, or that refuses it, gets the
 * census without the hold.
 */
final class HeapSizeHold implements AutoCloseable {
  static final String FLAG = "MaxHeapFreeRatio";
  private static final String NEVER_SHRINK = "100";
  private static final Object LOCK = new Object();
  // Guarded by LOCK: censuses may overlap (the agent's and the JUnit API's); the first one in saves
  // the host's value and the last one out restores it.
  private static int holders;
  private static String saved;

  private final HotSpotDiagnosticMXBean vm;

  /**
   * Looked up once, on the first census: {@code ManagementFactory}'s lookup runs JDK streams with the
   * JDK's lambdas, whose JIT profiles the host shares (see common.OwnSort).
   */
  private static final class Vm {
    static final HotSpotDiagnosticMXBean BEAN = lookUp();

    private static HotSpotDiagnosticMXBean lookUp() {
      try {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      } catch (RuntimeException | LinkageError e) { // no jdk.management
        return null;
      }
    }
  }

  private HeapSizeHold(HotSpotDiagnosticMXBean vm) {
    this.vm = vm;
  }

  /** Raises the flag for the length of a census; {@link #close()} puts it back. Never throws. */
  static HeapSizeHold hold() {
    HotSpotDiagnosticMXBean vm = Vm.BEAN;
    if (vm == null) {
      return new HeapSizeHold(null);
    }
    try {
      synchronized (LOCK) {
        if (holders == 0) {
          String host = vm.getVMOption(FLAG).getValue();
          if (!NEVER_SHRINK.equals(host)) {
            vm.setVMOption(FLAG, NEVER_SHRINK);
          }
          saved = host;
        }
        holders++;
      }
      return new HeapSizeHold(vm);
    } catch (RuntimeException e) { // no such flag, not manageable
      return new HeapSizeHold(null);
    }
  }

  @Override
  public void close() {
    if (vm == null) {
      return;
    }
    synchronized (LOCK) {
      if (--holders > 0) {
        return;
      }
      try {
        if (NEVER_SHRINK.equals(vm.getVMOption(FLAG).getValue()) && !NEVER_SHRINK.equals(saved)) {
          vm.setVMOption(FLAG, saved);
        }
      } catch (RuntimeException e) {
        // the host's heap then never shrinks: harmless, and nothing the census can do about it
      }
    }
  }
}
