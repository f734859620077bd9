package dev.leakhunter.census;

import java.util.List;

/**
 * A class histogram of live objects, one row per normalized type name.
 *
 * @param rows           sorted by bytes, largest first
 * @param totalInstances the histogram's own "Total" line
 * @param totalBytes     the histogram's own "Total" line
 */
public record Histogram(List<HistogramRow> rows, long totalInstances, long totalBytes) {
  public Histogram {
    rows = List.copyOf(rows);
  }
}
