package dev.leakhunter.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The model is in the heap it measures: once its types are known, adding a sample must not
 * allocate per type, or the model would show up as a leak of {@code long[]} of its own.
 */
class FootprintTest {
  private static final int TYPES = 2_000;

  @Test
  void addingSamplesAllocatesNothingPerType() {
    com.sun.management.ThreadMXBean threads = hotspotThreads();
    GrowthModel model = new GrowthModel(GrowthSettings.defaults());
    Histogram[] censuses = {census(0), census(1)};
    long job = 0;
    for (int i = 0; i < 200; i++) { // every type known, and the store full and thinned twice
      model.add(++job, censuses[i % 2]);
    }

    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100; i++) {
      model.add(++job, censuses[i % 2]);
    }
    long perSample = (threads.getCurrentThreadAllocatedBytes() - before) / 100;

    // One 16-byte object per type per sample would be 32,000 bytes.
    assertTrue(perSample < 1_024, perSample + " bytes allocated per sample");
    assertEquals(TYPES, model.typesTracked());
  }

  private static com.sun.management.ThreadMXBean hotspotThreads() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs per-thread allocation counts");
    com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
    assumeTrue(hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled(),
        "needs per-thread allocation counts");
    return hotspot;
  }

  private static Histogram census(int wobble) {
    List<HistogramRow> rows = new ArrayList<>();
    for (int i = 0; i < TYPES; i++) {
      rows.add(new HistogramRow("com.acme.Type" + i, 100 + wobble, 1_600 + 16L * wobble, 1));
    }
    return new Histogram(rows, 0, 0);
  }
}
