package dev.leakhunter.growth;

/**
 * The doubling-array rule ({@link SeriesRule#steppedGrowth}) on one series a caller keeps itself:
 * the JUnit API follows a buffer that rose in doubling steps in its first window past the second,
 * until its next step comes or is overdue. Not thread-safe: scratch space is reused.
 */
public final class Staircase {
  private final SeriesRule rule;
  private final long minGrowth;
  private final long[] envelope;

  /**
   * The newest step of a staircase and where it came.
   *
   * @param spacing jobs since the step before it, 0 when there was none
   */
  public record Step(long height, long atJobs, long spacing) {
  }

  /** For series of at most {@code capacity} samples, judged with {@code settings}' byte growth. */
  public Staircase(int capacity, GrowthSettings settings) {
    this.rule = new SeriesRule(capacity);
    this.minGrowth = settings.minByteGrowth();
    this.envelope = new long[capacity];
  }

  /**
   * The newest step of {@code bytes[0, n)} on its lower envelope, as the stepped rule reads steps:
   * a rise of at least the minimum growth and 1/{@value SeriesRule#STEP_FLOOR_DIVISOR} of the
   * largest; null when there is none.
   */
  public Step newest(long[] jobs, long[] bytes, int n) {
    SeriesRule.lowerEnvelope(bytes, 0, n, envelope);
    long largest = 0;
    for (int i = 1; i < n; i++) {
      largest = Math.max(largest, envelope[i] - envelope[i - 1]);
    }
    long threshold = Math.max(minGrowth, (long) (largest / SeriesRule.STEP_FLOOR_DIVISOR));
    Step newest = null;
    for (int i = 1; i < n; i++) {
      long rise = envelope[i] - envelope[i - 1];
      if (rise >= threshold) {
        newest = new Step(rise, jobs[i], newest == null ? 0 : jobs[i] - newest.atJobs());
      }
    }
    return newest;
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
