package dev.leakhunter.census;

/**
 * The cheap, per-job view of the JVM that {@link Probes#read()} returns. Any field is {@code -1}
 * when this JVM does not offer that figure.
 *
 * <p><b>Why {@link #heapUsedAfterLastGcBytes} is the leak signal.</b> Plain heap usage is mostly
 * garbage that has not been collected yet: it saw-tooths with allocation and says nothing about
 * leaks. What each collection leaves behind is what is still reachable, so its floor is the live
 * set, and a leak is that floor rising in proportion to the jobs completed. The JVM records the
 * figure per pool at the end of each collection, so reading it costs no GC and no heap walk; the
 * expensive {@link Census} is taken only when this cheap signal keeps rising, to name the types.
 * Caveat: each pool's figure dates from the last collection <em>of that pool</em> (on G1 a
 * young-only collection leaves the old generation's figure as it was; a full GC, such as the one a
 * census forces, refreshes every pool), so only compare readings that {@link #gcCount} says were
 * separated by collections, and look at the trend, not at one pair.
 *
 * @param heapUsedBytes            heap in use now, garbage included ({@code MemoryMXBean})
 * @param heapUsedAfterLastGcBytes sum over the heap pools of the bytes in use right after the last
 *                                 collection of each pool ({@code MemoryPoolMXBean.getCollectionUsage})
 * @param loadedClasses            classes loaded now (loaded minus unloaded); a rise per job means
 *                                 classes or class loaders are leaking
 * @param liveThreads              live platform threads, daemon or not; a rise per job means threads
 *                                 (pools, clients) are started and never stopped
 * @param metaspaceUsedBytes       bytes in use in the {@code Metaspace} pool: the native memory that
 *                                 classes cost, outside the heap and outside every histogram
 * @param gcCount                  collections so far, summed over all collectors (G1 on JDK 25
 *                                 also counts its concurrent cycles, 17 does not); tells whether the after-GC figure has
 *                                 been refreshed since an earlier reading
 */
public record ProbeReading(
    long heapUsedBytes,
    long heapUsedAfterLastGcBytes,
    long loadedClasses,
    long liveThreads,
    long metaspaceUsedBytes,
    long gcCount) {
}
