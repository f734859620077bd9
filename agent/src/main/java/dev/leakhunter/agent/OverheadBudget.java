package dev.leakhunter.agent;

/**
 * The ledger of the overhead budget: what the hunt has cost so far (census pauses, parsing, the
 * growth model, report writes) against the wall time since the agent started. Pure: times are
 * passed in.
 *
 * <p>The per-census rule in {@link SamplingSchedule} (a census costing c is followed by
 * c*(100/overhead-1) of quiet) keeps each census's own share right; the ledger is the running
 * total behind it (for the log, and a safety net should the two ever disagree). It only ever
 * delays a census, never brings one forward: idle time is not saved up for a burst of pauses. The
 * agent's start-up (its warm-up and first, throwaway census) is a one-off cost like loading its
 * classes, and is not charged.
 */
final class OverheadBudget {

  private final double percent;
  private final long startNanos;
  private long spentNanos;

  OverheadBudget(double percent, long startNanos) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("overhead must be in (0, 100]: " + percent);
    }
    this.percent = percent;
    this.startNanos = startNanos;
  }

  void charge(long nanos) {
    spentNanos += Math.max(0, nanos);
  }

  long spentNanos() {
    return spentNanos;
  }

  long sinceStartNanos(long nowNanos) {
    return nowNanos - startNanos;
  }

  /** The share of wall time spent on the hunt so far, in percent. */
  double spentPercent(long nowNanos) {
    long wall = nowNanos - startNanos;
    return wall <= 0 ? 0 : 100.0 * spentNanos / wall;
  }

  /**
   * The earliest time the next piece of work may start: when what was spent so far is back within
   * the budget of the wall time since the start. (Not counting the next piece itself: the quiet
   * rule in {@link SamplingSchedule} already spaces each census by its own cost.)
   */
  long notBefore() {
    return startNanos + (long) (spentNanos * 100.0 / percent);
  }
}
