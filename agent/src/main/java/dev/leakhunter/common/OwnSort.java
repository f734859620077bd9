package dev.leakhunter.common;

import java.util.Comparator;
import java.util.List;

/**
 * A stable merge sort whose {@code compare} call site belongs to the agent.
 *
 * <p>Why not {@code List.sort}: the JIT profiles a call site per bytecode, not per caller. The
 * JDK's {@code TimSort} has one {@code compare} site for every sort in the JVM, so the agent's
 * comparators, sorting a histogram of thousands of rows, made the host's own sort megamorphic and
 * its comparator stopped being inlined: measured on the demo daemon, the host ran 8-10% slower with
 * the agent present (docs/performance.md). Here only the agent's comparators are ever seen.
 */
public final class OwnSort {

  /** Runs this short are sorted by insertion; longer ones are merged. */
  private static final int INSERTION_RUN = 12;

  private OwnSort() {
  }

  /** Sorts {@code list} in place by {@code order}; equal elements keep their order. */
  @SuppressWarnings("unchecked")
  public static <T> void sort(List<T> list, Comparator<? super T> order) {
    int n = list.size();
    if (n < 2) {
      return;
    }
    Object[] a = list.toArray();
    mergeSort(a, new Object[n], 0, n, (Comparator<Object>) order);
    for (int i = 0; i < n; i++) {
      list.set(i, (T) a[i]);
    }
  }

  private static void mergeSort(Object[] a, Object[] scratch, int from, int to, Comparator<Object> order) {
    if (to - from <= INSERTION_RUN) {
      for (int i = from + 1; i < to; i++) {
        Object x = a[i];
        int j = i - 1;
        while (j >= from && order.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, scratch, from, mid, order);
    mergeSort(a, scratch, mid, to, order);
    if (order.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, scratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      // taking from the left on ties keeps the sort stable
      if (j >= to || (i < mid && order.compare(scratch[i], scratch[j]) <= 0)) {
        a[k] = scratch[i++];
      } else {
        a[k] = scratch[j++];
      }
    }
  }

  /** The first of {@code items} by {@code order} (the earliest among equals), or null if there is none. */
  public static <T> T min(List<T> items, Comparator<? super T> order) {
    T best = null;
    for (T t : items) {
      if (best == null || order.compare(t, best) < 0) {
        best = t;
      }
    }
    return best;
  }
}
