package dev.leakhunter.census;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Sets how much heap a census's forced full GC leaves committed.
 *
 * <p>After a full GC HotSpot gives back memory until at most {@code MaxHeapFreeRatio} percent of the
 * heap is free (70 by default). The host never asked for that GC: left alone, each census shrank a
 * demo daemon's heap from 380 MB to 20-30 MB, its young GCs went from 37 to 72 in the same 200,000
 * jobs, and its throughput fell by about 3% (docs/performance.md). The flag is {@code manageable}, so
 * for the length of the census it is raised (to 100, never shrink, or to the value that shrinks the
 * heap back to the size a {@link HeapKeeper} keeps) and then put back; a host that changed it
 * meanwhile keeps its own value. A JVM without the flag, or that refuses it, gets the census
 * without the hold.
 */
final class HeapSizeHold implements AutoCloseable {
  static final String FLAG = "MaxHeapFreeRatio";
  static final String MIN_FLAG = "MinHeapFreeRatio";
  static final int NEVER_SHRINK = 100;
  private static final Object LOCK = new Object();
  // Guarded by LOCK: censuses may overlap (the agent's and the JUnit API's); the first one in saves
  // the host's value and sets the census's, and the last one out restores the host's.
  private static int holders;
  private static String saved;
  private static String set;

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

  /** Holds the heap at its size for the length of a census; {@link #close()} puts the flag back. Never throws. */
  static HeapSizeHold hold() {
    return hold(NEVER_SHRINK);
  }

  /**
   * Sets {@code MaxHeapFreeRatio} to {@code maxFreePercent} (raised to the host's
   * {@code MinHeapFreeRatio}, which HotSpot requires) for the length of a census. Never throws.
   */
  static HeapSizeHold hold(int maxFreePercent) {
    HotSpotDiagnosticMXBean vm = Vm.BEAN;
    if (vm == null) {
      return new HeapSizeHold(null);
    }
    try {
      synchronized (LOCK) {
        if (holders == 0) {
          String host = vm.getVMOption(FLAG).getValue();
          int min = Integer.parseInt(vm.getVMOption(MIN_FLAG).getValue());
          String value = Integer.toString(Math.min(NEVER_SHRINK, Math.max(min, maxFreePercent)));
          if (!value.equals(host)) {
            vm.setVMOption(FLAG, value);
          }
          saved = host;
          set = value;
        }
        holders++;
      }
      return new HeapSizeHold(vm);
    } catch (RuntimeException e) { // no such flag, not manageable, refused
      return new HeapSizeHold(null);
    }
  }

  /** The host's {@code MinHeapFreeRatio}, or -1 when this JVM does not say. */
  static int hostMinFreePercent() {
    return intFlag(MIN_FLAG);
  }

  /** A whole-number VM flag of this JVM (e.g. {@code GCTimeRatio}), or -1 when it does not say. */
  static int intFlag(String name) {
    HotSpotDiagnosticMXBean vm = Vm.BEAN;
    try {
      return vm == null ? -1 : Integer.parseInt(vm.getVMOption(name).getValue());
    } catch (RuntimeException e) {
      return -1;
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
        if (set.equals(vm.getVMOption(FLAG).getValue()) && !set.equals(saved)) {
          vm.setVMOption(FLAG, saved);
        }
      } catch (RuntimeException e) {
        // the host's heap then keeps the census's setting: harmless, and nothing the census can do about it
      }
    }
  }
}
