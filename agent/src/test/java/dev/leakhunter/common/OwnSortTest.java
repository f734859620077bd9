package dev.leakhunter.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OwnSortTest {

  /** Sorted by key only, so that equal keys show whether their order was kept. */
  private static final Comparator<long[]> BY_KEY = (a, b) -> Long.compare(a[0], b[0]);

  @Test
  void sortsLikeTheJdkAndKeepsEqualElementsInOrder() {
    SplittableRandom random = new SplittableRandom(42);
    for (int size : new int[] {0, 1, 2, 11, 12, 13, 100, 4_097}) {
      for (int keys : new int[] {3, 1_000_000}) {
        List<long[]> mine = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          mine.add(new long[] {random.nextInt(keys), i});
        }
        List<long[]> jdk = new ArrayList<>(mine);
        jdk.sort(BY_KEY); // stable too: the reference
        OwnSort.sort(mine, BY_KEY);
        for (int i = 0; i < size; i++) {
          assertEquals(jdk.get(i), mine.get(i), "size " + size + ", keys " + keys + ", index " + i);
        }
      }
    }
  }

  @Test
  void sortsAlreadySortedAndReversedInput() {
    List<long[]> ascending = new ArrayList<>();
    List<long[]> descending = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      ascending.add(new long[] {i, i});
      descending.add(new long[] {999 - i, i});
    }
    OwnSort.sort(ascending, BY_KEY);
    OwnSort.sort(descending, BY_KEY);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(i, ascending.get(i)[0]);
      assertEquals(i, descending.get(i)[0]);
    }
  }

  @Test
  void minIsTheFirstOfTheSmallest() {
    long[] first = {1, 0};
    long[] second = {1, 1};
    assertEquals(first, OwnSort.min(List.of(new long[] {5, 9}, first, second), BY_KEY));
    assertNull(OwnSort.min(List.<long[]>of(), BY_KEY));
  }
}
