package dev.leakhunter.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SampleStoreTest {

  @Test
  void thinningKeepsAnEvenGridFromTheFirstSamplePlusTheNewest() {
    SampleStore store = new SampleStore(8, 10);
    for (int sample = 0; sample <= 20; sample++) {
      store.add(sample, census(sample));
    }
    // 21 samples into 8 slots: the stride doubled twice, to 4: 0 4 8 12 16 20 are on the grid.
    assertArrayEquals(new long[] {0, 4, 8, 12, 16, 20}, kept(store));

    store.add(21, census(21)); // off the grid: kept provisionally as the newest
    assertArrayEquals(new long[] {0, 4, 8, 12, 16, 20, 21}, kept(store));
    store.add(22, census(22)); // replaces it
    assertArrayEquals(new long[] {0, 4, 8, 12, 16, 20, 22}, kept(store));
  }

  @Test
  void eachTypesSeriesMovesWithTheJobs() {
    SampleStore store = new SampleStore(8, 10);
    for (int sample = 0; sample <= 20; sample++) {
      store.add(sample, census(sample));
    }
    TypeSeries series = store.types().iterator().next();
    long[] instances = Arrays.copyOf(series.instances, store.size());
    assertArrayEquals(kept(store), Arrays.stream(instances).map(i -> i - 1_000).toArray(),
        "the census at job j had 1000 + j instances");
  }

  @Test
  void aNameListedTwiceCountsBoth() {
    SampleStore store = new SampleStore(8, 10);
    store.add(1, new Histogram(List.of(new HistogramRow("com.acme.A", 3, 48, 1),
        new HistogramRow("com.acme.A", 2, 32, 1)), 5, 80));
    TypeSeries a = store.types().iterator().next();
    assertEquals(5, a.instances[0]);
    assertEquals(80, a.bytes[0]);
  }

  @Test
  void aTypeMissingFromACensusHasNoneThen() {
    SampleStore store = new SampleStore(8, 10);
    store.add(1, census(1));
    store.add(2, new Histogram(List.of(), 0, 0));
    TypeSeries a = store.types().iterator().next();
    assertEquals(0, a.instances[1]);
    assertEquals(0, a.firstPresent(2));
  }

  private static Histogram census(long job) {
    return new Histogram(List.of(new HistogramRow("com.acme.A", 1_000 + job, 16 * (1_000 + job), 1)),
        1_000 + job, 16 * (1_000 + job));
  }

  private static long[] kept(SampleStore store) {
    return Arrays.copyOf(store.jobs(), store.size());
  }
}
