package dev.leakhunter.growth;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The kept samples: one shared array of job counts and a {@link TypeSeries} per type, all of a
 * fixed capacity.
 *
 * <p>Thinning keeps the samples on a grid: committed slot {@code j} always holds the
 * {@code j * stride}-th sample received. When the store is full, the odd slots go and the stride
 * doubles, so the kept samples stay evenly spread over the whole run and the first one is never
 * dropped. The newest sample is always kept: when it falls between grid points it takes the last
 * slot provisionally, and the next sample replaces it.
 */
final class SampleStore {
  private final int capacity;
  private final int maxTypes;
  private final long[] jobs;
  private final Map<String, TypeSeries> types = new HashMap<>();
  private int size;
  private long received;
  private long stride = 1;
  private boolean provisionalTail;
  private int typesDropped;

  SampleStore(int capacity, int maxTypes) {
    this.capacity = capacity;
    this.maxTypes = maxTypes;
    this.jobs = new long[capacity];
  }

  void add(long jobsCompleted, Histogram histogram) {
    if (size > 0 && jobsCompleted <= jobs[size - 1]) {
      throw new IllegalArgumentException("jobsCompleted must increase from sample to sample: got "
          + jobsCompleted + " after " + jobs[size - 1]);
    }
    int slot = nextSlot();
    jobs[slot] = jobsCompleted;
    for (TypeSeries series : types.values()) {
      series.clear(slot);
    }
    typesDropped = 0;
    boolean swept = false;
    for (HistogramRow row : histogram.rows()) {
      TypeSeries series = types.get(row.type());
      if (series == null) {
        if (row.instances() <= 0 && row.bytes() <= 0) {
          continue;
        }
        if (types.size() >= maxTypes && !swept) {
          forgetAbsent(slot);
          swept = true;
        }
        if (types.size() >= maxTypes) {
          typesDropped++;
          continue;
        }
        series = new TypeSeries(row.type(), capacity);
        types.put(row.type(), series);
      }
      series.add(slot, row.instances(), row.bytes());
    }
    received++;
  }

  /** Creates the series of the types in {@code histogram}, up to the cap, without recording a sample. */
  void reserve(Histogram histogram) {
    for (HistogramRow row : histogram.rows()) {
      if (types.size() >= maxTypes) {
        return;
      }
      if (!types.containsKey(row.type())) {
        types.put(row.type(), new TypeSeries(row.type(), capacity));
      }
    }
  }

  private int nextSlot() {
    long sampleNumber = received;
    if (provisionalTail) {
      size--;
    } else if (size == capacity) {
      thin();
    }
    provisionalTail = sampleNumber % stride != 0;
    return size++;
  }

  private void thin() {
    for (int from = 0, to = 0; from < size; from += 2, to++) {
      jobs[to] = jobs[from];
    }
    for (TypeSeries series : types.values()) {
      series.thin(size);
    }
    size = (size + 1) / 2;
    stride *= 2;
  }

  /**
   * Makes room under the type cap. A type absent from every kept sample has nothing to analyze,
   * and if it comes back it starts from zeros, which is exactly what it had.
   */
  private void forgetAbsent(int currentSlot) {
    for (Iterator<TypeSeries> it = types.values().iterator(); it.hasNext(); ) {
      if (it.next().absentIn(currentSlot + 1)) {
        it.remove();
      }
    }
  }

  int size() {
    return size;
  }

  /** The job counts of the kept samples; valid in {@code [0, size())}, not to be modified. */
  long[] jobs() {
    return jobs;
  }

  /** The series of one type, or null when it is not tracked. */
  TypeSeries type(String name) {
    return types.get(name);
  }

  Collection<TypeSeries> types() {
    return types.values();
  }

  int typesDropped() {
    return typesDropped;
  }
}
