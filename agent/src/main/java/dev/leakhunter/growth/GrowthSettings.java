package dev.leakhunter.growth;

/**
 * How much history the growth model keeps, and how much growth it takes to call a leak.
 *
 * <p>Memory: the model keeps two {@code long}s per slot per tracked type, so at most
 * {@code maxTypes * capacity * 16} bytes of series (20,000 types x 64 slots = 20 MB; a typical
 * daemon has a few thousand types, so a few MB), allocated when a type is first seen and never
 * per sample.
 *
 * @param capacity           samples kept; when full, every other one is dropped (the first and the
 *                           newest always stay), so the whole run stays covered at half the resolution
 * @param minSamples         samples (of the model, and of a type since it first appeared) before a
 *                           verdict on any evidence; at least 8, since a trend test over 7 samples
 *                           cannot reach the significance the model asks for, even for a strictly
 *                           rising series
 * @param minStrongSamples   samples before a {@code leak} verdict on strong evidence (growth at every
 *                           sample, in proportion to jobs, see {@link SeriesRule#strongGrowth}); from
 *                           5 ({@link SeriesRule#MIN_STRONG_SAMPLES}: four points cannot tell a line
 *                           from noise) to {@code minSamples}, which turns that rule off
 * @param maxTypes           types tracked at most; rows beyond it are dropped and counted
 * @param minJobSpan         jobs between the first and the newest sample before any verdict: growth
 *                           must be shown against many jobs, not a handful
 * @param minInstanceGrowth  fitted growth over the window, in instances, below which a type is
 *                           jitter (in-flight work, JDK internals), not a leak
 * @param minByteGrowth      the same in bytes, for types whose bytes grow but count does not
 * @param minInstancesPerJob slope floor, so that in a long window (thinning keeps the whole run)
 *                           a drift of a few instances over a million jobs is not called a leak
 * @param minBytesPerJob     the same in bytes per job
 */
public record GrowthSettings(int capacity, int minSamples, int minStrongSamples, int maxTypes,
                             long minJobSpan, long minInstanceGrowth, long minByteGrowth,
                             double minInstancesPerJob, double minBytesPerJob) {

  public GrowthSettings {
    require(minSamples >= 8, "minSamples", minSamples, "an integer >= 8");
    require(minStrongSamples >= SeriesRule.MIN_STRONG_SAMPLES && minStrongSamples <= minSamples,
        "minStrongSamples", minStrongSamples,
        "an integer from " + SeriesRule.MIN_STRONG_SAMPLES + " to minSamples (" + minSamples + ")");
    // After thinning only capacity / 2 samples remain: that must still be enough for a verdict.
    require(capacity >= 2 * minSamples && capacity <= 4096, "capacity", capacity,
        "an integer from 2 * minSamples (" + 2 * minSamples + ") to 4096");
    require(maxTypes >= 1, "maxTypes", maxTypes, "an integer >= 1");
    require(minJobSpan >= 1, "minJobSpan", minJobSpan, "an integer >= 1");
    require(minInstanceGrowth >= 1, "minInstanceGrowth", minInstanceGrowth, "an integer >= 1");
    require(minByteGrowth >= 1, "minByteGrowth", minByteGrowth, "an integer >= 1");
    require(minInstancesPerJob >= 0 && Double.isFinite(minInstancesPerJob), "minInstancesPerJob",
        minInstancesPerJob, "a finite number >= 0");
    require(minBytesPerJob >= 0 && Double.isFinite(minBytesPerJob), "minBytesPerJob",
        minBytesPerJob, "a finite number >= 0");
  }

  /**
   * 64 samples, 8 before a verdict (5 before a leak on strong evidence), 20,000 types, 50 jobs;
   * growth of at least 8 instances or 1 KiB over the window, and at least 0.01 instances or 1 byte
   * per job.
   */
  public static GrowthSettings defaults() {
    return new GrowthSettings(64, 8, 5, 20_000, 50, 8, 1024, 0.01, 1.0);
  }

  public GrowthSettings withCapacity(int capacity) {
    return new GrowthSettings(capacity, minSamples, minStrongSamples, maxTypes, minJobSpan,
        minInstanceGrowth, minByteGrowth, minInstancesPerJob, minBytesPerJob);
  }

  /** Also lowers {@code minStrongSamples} to {@code minSamples} if it was above. */
  public GrowthSettings withMinSamples(int minSamples) {
    return new GrowthSettings(capacity, minSamples, Math.min(minStrongSamples, minSamples), maxTypes,
        minJobSpan, minInstanceGrowth, minByteGrowth, minInstancesPerJob, minBytesPerJob);
  }

  /** {@code minSamples} turns the strong-evidence rule off. */
  public GrowthSettings withMinStrongSamples(int minStrongSamples) {
    return new GrowthSettings(capacity, minSamples, minStrongSamples, maxTypes, minJobSpan,
        minInstanceGrowth, minByteGrowth, minInstancesPerJob, minBytesPerJob);
  }

  public GrowthSettings withMaxTypes(int maxTypes) {
    return new GrowthSettings(capacity, minSamples, minStrongSamples, maxTypes, minJobSpan,
        minInstanceGrowth, minByteGrowth, minInstancesPerJob, minBytesPerJob);
  }

  private static void require(boolean ok, String key, Object value, String validForm) {
    if (!ok) {
      throw new IllegalArgumentException(
          "growth setting " + key + "=" + value + " is invalid; expected " + validForm);
    }
  }
}
