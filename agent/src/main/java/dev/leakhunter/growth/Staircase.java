package dev.leakhunter.growth;

/**
 * The doubling-array rule ({@link SeriesRule#steppedGrowth}) on one series a caller keeps itself:
 * the JUnit API follows a buffer that rose in doubling steps in its first window past the second,
 * until its next step comes or is overdue. Not thread-safe: scratch space is reused.
 */
public final class Staircase {
  private final SeriesRule rule;
  private final long minGrowth;

  /** For series of at most {@code capacity} samples, judged with {@code settings}' byte growth. */
  public Staircase(int capacity, GrowthSettings settings) {
    this.rule = new SeriesRule(capacity);
    this.minGrowth = settings.minByteGrowth();
  }

  /**
   * The confidence, in (0, 1], that {@code bytes[0, n)} against {@code jobs[0, n)} is one array
   * doubling as it fills whose next step is not overdue; 0 when it is not.
   */
  public double confidence(long[] jobs, long[] bytes, int n) {
    return rule.steppedGrowth(jobs, bytes, 0, n, minGrowth);
  }

  /** The series' growth per job (Theil–Sen), 0 when it does not trend up. */
  public double perJob(long[] jobs, long[] ys, int n) {
    return rule.rate(jobs, ys, 0, n);
  }

  /** The least rise that counts as growth. */
  public long minGrowth() {
    return minGrowth;
  }
}
