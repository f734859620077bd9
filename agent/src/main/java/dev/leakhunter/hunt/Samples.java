package dev.leakhunter.hunt;

import dev.leakhunter.report.Report;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples a report lists, oldest first: at most {@code capacity}, the oldest dropped beyond.
 * The storage is taken up front: a list that grew between two censuses would be growth of the
 * hunt's own making in the second (its array is a JDK type, which the census counts as the host's).
 */
public final class Samples {
  private final int capacity;
  private final ArrayDeque<Report.Sample> samples;

  public Samples(int capacity) {
    this.capacity = capacity;
    this.samples = new ArrayDeque<>(capacity);
  }

  /**
   * Adds the newest sample. A census at the newest one's job count is that sample again (the JUnit
   * API's second window starts where the first ended): the report lists it once.
   */
  public void add(Report.Sample sample) {
    Report.Sample newest = samples.peekLast();
    if (newest != null && newest.jobs() == sample.jobs()) {
      return;
    }
    if (samples.size() == capacity) {
      samples.removeFirst();
    }
    samples.addLast(sample);
  }

  /** The newest sample's work was done by {@code jobs} completed jobs (its {@code jobsAfter}). */
  public void doneAt(long jobs) {
    samples.addLast(samples.removeLast().doneAt(jobs));
  }

  /** A copy, oldest first. */
  public List<Report.Sample> list() {
    return new ArrayList<>(samples);
  }
}
