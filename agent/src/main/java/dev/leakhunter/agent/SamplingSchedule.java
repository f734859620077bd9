package dev.leakhunter.agent;

import java.util.concurrent.TimeUnit;

/**
 * When the next census is due. Pure: the hunt loop feeds it what each census cost.
 *
 * <p>The first census is taken once {@code warmup} jobs have completed; it is the baseline.
 * With {@code every=N} each later one comes N jobs after the previous one, whatever it costs
 * (the user asked for it). With {@code every=auto} the next one comes at the first job completed
 * after a pause long enough that sampling time stays within {@code overhead} percent of wall time:
 * a census that took {@code c} is followed by at least {@code c * (100 / overhead - 1)} of
 * undisturbed work.
 */
public final class SamplingSchedule {

  /** The next census: when {@code atJobs} jobs have completed, and not before {@code notBeforeNanos}. */
  public record Due(long atJobs, long notBeforeNanos) {
  }

  private final int warmup;
  private final int every;
  private final double overheadPercent;

  public SamplingSchedule(int warmup, int every, double overheadPercent) {
    if (overheadPercent <= 0 || overheadPercent > 100) {
      throw new IllegalArgumentException("overhead must be in (0, 100]: " + overheadPercent);
    }
    this.warmup = warmup;
    this.every = every;
    this.overheadPercent = overheadPercent;
  }

  public static SamplingSchedule of(AgentOptions options) {
    return new SamplingSchedule(options.warmup(), options.every(), options.overheadPercent());
  }

  public Due first(long nowNanos) {
    return new Due(Math.max(1, warmup), nowNanos);
  }

  /**
   * @param sampledAtJobs jobs completed when the last census was taken
   * @param costNanos     what the last census cost (pause plus the agent's own work on it)
   * @param nowNanos      when it ended
   */
  public Due next(long sampledAtJobs, long costNanos, long nowNanos) {
    if (every != AgentOptions.EVERY_AUTO) {
      return new Due(sampledAtJobs + every, nowNanos);
    }
    double idleShare = 100.0 / overheadPercent - 1.0;
    long quietNanos = (long) Math.min(Math.max(0, costNanos) * idleShare, (double) TimeUnit.HOURS.toNanos(1));
    return new Due(sampledAtJobs + 1, nowNanos + quietNanos);
  }
}
