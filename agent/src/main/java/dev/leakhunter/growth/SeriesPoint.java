package dev.leakhunter.growth;

/** One sample of one type: after {@code jobs} completed jobs, this many live instances and bytes. */
public record SeriesPoint(long jobs, long instances, long bytes) {
}
