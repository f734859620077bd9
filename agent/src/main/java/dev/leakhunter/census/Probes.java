package dev.leakhunter.census;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Cheap probes of the JVM: safe to call after every job, costing about a microsecond on HotSpot
 * (a few MXBean reads of counters the JVM keeps anyway; no GC, no heap walk, no allocation beyond
 * the reading). See {@link ProbeReading} for what each figure means and why the after-GC one is the
 * running leak signal.
 *
 * <p>The MXBeans and pools are looked up once: the set of pools and collectors is fixed when the
 * JVM starts, and the lookups allocate and take locks that a per-job call should not pay.
 */
public final class Probes {
  private static final String METASPACE_POOL = "Metaspace";

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Heap pools that record their usage after a collection; empty if the JVM records none. */
  private static final MemoryPoolMXBean[] HEAP_POOLS_WITH_COLLECTION_USAGE = heapPools();
  /** Null on JVMs without a pool of that name (not HotSpot). */
  private static final MemoryPoolMXBean METASPACE = pool(METASPACE_POOL);
  private static final GarbageCollectorMXBean[] COLLECTORS =
      ManagementFactory.getGarbageCollectorMXBeans().toArray(new GarbageCollectorMXBean[0]);

  private Probes() {
  }

  /** Reads all probes now. Thread-safe; fields this JVM does not offer are -1. */
  public static ProbeReading read() {
    return new ProbeReading(
        MEMORY.getHeapMemoryUsage().getUsed(),
        heapUsedAfterLastGc(),
        CLASSES.getLoadedClassCount(),
        THREADS.getThreadCount(),
        metaspaceUsed(),
        gcCount());
  }

  /** The heap in use right after the last GC, as the collector counted it; -1 if unknown. */
  static long heapUsedAfterLastGc() {
    long sum = 0;
    boolean any = false;
    for (MemoryPoolMXBean pool : HEAP_POOLS_WITH_COLLECTION_USAGE) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (afterGc != null) {
        sum += afterGc.getUsed();
        any = true;
      }
    }
    return any ? sum : -1;
  }

  private static long metaspaceUsed() {
    MemoryUsage usage = METASPACE == null ? null : METASPACE.getUsage();
    return usage == null ? -1 : usage.getUsed();
  }

  static long gcCount() {
    long sum = 0;
    boolean any = false;
    for (GarbageCollectorMXBean collector : COLLECTORS) {
      long count = collector.getCollectionCount();
      if (count >= 0) { // -1: this collector does not count
        sum += count;
        any = true;
      }
    }
    return any ? sum : -1;
  }

  private static MemoryPoolMXBean[] heapPools() {
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      // getCollectionUsage() is null for pools that never record it; that does not change later.
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        pools.add(pool);
      }
    }
    return pools.toArray(new MemoryPoolMXBean[0]);
  }

  private static MemoryPoolMXBean pool(String name) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals(name)) {
        return pool;
      }
    }
    return null;
  }
}
