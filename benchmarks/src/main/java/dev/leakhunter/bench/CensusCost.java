package dev.leakhunter.bench;

import dev.leakhunter.census.Census;
import dev.leakhunter.growth.GrowthModel;
import dev.leakhunter.growth.GrowthSettings;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One census against a plain {@code System.gc()} on the same live heap:
 * {@code java -Xmx6g -cp benchmarks.jar dev.leakhunter.bench.CensusCost LIVE_MB RUNS}.
 *
 * <p>The live set is what a daemon's heap looks like, not one big array: records of three objects
 * (a record, a String, a 16-160 byte payload), ~120 B a record, held in chunked arrays, so a GC has
 * millions of objects to trace and the histogram has them to count. Prints one line of medians:
 * the full GC, the census pause (forced GC plus heap walk plus text, all stop-the-world or on the
 * sampler thread), the agent's parse of the text, and the growth model's add plus analyze.
 */
public final class CensusCost {

  record Item(long id, String name, byte[] payload) {
  }

  private static Object[][] live;

  public static void main(String[] args) throws Exception {
    int liveMb = Integer.parseInt(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    build(liveMb);
    System.gc();
    long heapAfterGc = usedAfterGc();

    long[] gc = new long[runs];
    long[] pause = new long[runs];
    long[] parse = new long[runs];
    long[] model = new long[runs];
    GrowthModel growth = new GrowthModel(GrowthSettings.defaults());
    // One of each first: class loading and JIT of the parser are not what a census costs.
    Census.take();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      System.gc();
      gc[i] = System.nanoTime() - t0;

      long t1 = System.nanoTime();
      Census.Result census = Census.take();
      long t2 = System.nanoTime();
      pause[i] = census.pauseNanos();
      parse[i] = (t2 - t1) - census.pauseNanos();
      growth.add(1000L * (i + 1), census.histogram());
      growth.analyze();
      model[i] = System.nanoTime() - t2;
    }
    System.out.printf("live_mb=%d heap_after_gc_mb=%.0f objects_m=%.1f runs=%d gc_ms=%.1f census_pause_ms=%.1f "
            + "parse_ms=%.1f model_ms=%.1f census_total_ms=%.1f ratio=%.2f%n",
        liveMb, heapAfterGc / 1e6, objects() / 1e6, runs, ms(median(gc)), ms(median(pause)), ms(median(parse)),
        ms(median(model)), ms(median(pause) + median(parse) + median(model)),
        (double) (median(pause) + median(parse) + median(model)) / median(gc));
    if (live.length < 0) {
      System.out.println(); // keeps the live set reachable to the end
    }
  }

  private static void build(int liveMb) {
    long target = liveMb * 1_000_000L;
    int perChunk = 4096;
    List<Object[]> chunks = new ArrayList<>();
    Random random = new Random(42);
    long bytes = 0;
    long id = 0;
    while (bytes < target) {
      Object[] chunk = new Object[perChunk];
      for (int i = 0; i < perChunk; i++) {
        byte[] payload = new byte[16 + random.nextInt(144)];
        chunk[i] = new Item(id, Long.toString(id), payload);
        id++;
        // record 24 + String 24 + its byte[] ~24 + payload 16 + length, rounded
        bytes += 24 + 48 + 16 + payload.length;
      }
      bytes += 16 + 4L * perChunk;
      chunks.add(chunk);
    }
    live = chunks.toArray(new Object[0][]);
  }

  private static long objects() {
    return (long) live.length * (1 + 4096 * 4L);
  }

  private static long usedAfterGc() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
