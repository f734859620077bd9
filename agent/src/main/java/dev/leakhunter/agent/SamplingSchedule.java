package dev.leakhunter.agent;

import java.util.concurrent.TimeUnit;

/**
 * When the next census is due. Pure (times are passed in): the hunt loop feeds it what each
 * census cost.
 *
 * <p>The first census is taken once {@code warmup} jobs have completed; it is the baseline.
 * With {@code every=N} each later one comes N jobs after the previous one, whatever it costs
 * (the user asked for it). With {@code every=auto} the next one comes at the first job completed
 * after a pause long enough that sampling time stays within {@code overhead} percent of wall time:
 * a census whose whole work (pause, parse, model, report writes) took {@code c} is followed by at
 * least {@code c * (100 / overhead - 1)} of undisturbed work, and never before the
 * {@link OverheadBudget} ledger allows. In both modes the {@link PauseGuard} stretches that quiet
 * when a census would pause the JVM for longer than {@code maxpause}.
 *
 * <p><b>Start-up loan.</b> No verdict is possible before the growth model has
 * {@value #BOOTSTRAP_CENSUSES} samples, so in {@code every=auto} the first ones are spaced at
 * {@value #BOOTSTRAP_FACTOR}x the budget. While the ledger is then over the budget, censuses go on
 * at half the budget's pace (the quiet rule at {@code overhead/2}) until it is back within: the
 * loan is repaid at half the budget, over a longer run the share is the budget, and a run of a
 * few seconds gets its verdict (the demo at 4,000 jobs/s: ~8 censuses of 20-45 ms in its first
 * 2-5 s). Measured before: holding every census back until the ledger was repaid left the demo at
 * 300 jobs/s with no census for its last 10 s, and a final report that described job 1,149 of
 * 4,000.
 */
public final class SamplingSchedule {

  /**
   * The next census: when {@code atJobs} jobs have completed, and not before {@code notBeforeNanos}.
   * {@code quietUntilNanos} is when the quiet at the budget's own pace ends (the start-up loan and
   * its repayment aside): from then on the last census is older than the sampling interval.
   */
  public record Due(long atJobs, long notBeforeNanos, long quietUntilNanos) {
    public Due(long atJobs, long notBeforeNanos) {
      this(atJobs, notBeforeNanos, notBeforeNanos);
    }
  }

  /**
   * What one sample cost the host.
   *
   * @param pauseNanos the census command: forced full GC, heap walk, text (stop-the-world for most
   *                   of it): every job thread waits for all of it
   * @param totalNanos what the host paid for the whole sample: the pause, plus the CPU time the
   *                   sampler thread spent parsing, in the growth model and writing reports (that
   *                   work runs beside the jobs, so it costs them only the CPU it takes; its wall
   *                   time would also count the time the sampler waited for a core)
   */
  public record Cost(long pauseNanos, long totalNanos) {
  }

  private static final long MAX_QUIET_NANOS = TimeUnit.HOURS.toNanos(1);
  /** The model's minimum for a no-leak verdict (a leak on strong evidence may come sooner). */
  static final int BOOTSTRAP_CENSUSES = dev.leakhunter.growth.GrowthSettings.defaults().minSamples();
  static final int BOOTSTRAP_FACTOR = 4;
  /** While the ledger is over the budget: censuses at this fraction of the budget's pace. */
  static final double REPAY_FACTOR = 0.5;

  private final int warmup;
  private final int every;
  private final double overheadPercent;
  private final OverheadBudget budget;
  private final PauseGuard guard;
  private int censuses;
  private long pauseNanos;

  public SamplingSchedule(int warmup, int every, double overheadPercent, long maxPauseNanos, long startNanos) {
    this.warmup = warmup;
    this.every = every;
    this.overheadPercent = overheadPercent;
    this.budget = new OverheadBudget(overheadPercent, startNanos);
    this.guard = new PauseGuard(maxPauseNanos);
  }

  public static SamplingSchedule of(AgentOptions options, long startNanos) {
    return new SamplingSchedule(options.warmup(), options.every(), options.overheadPercent(),
        options.maxPauseNanos(), startNanos);
  }

  public Due first(long nowNanos) {
    return new Due(Math.max(1, warmup), nowNanos);
  }


  /**
   * @param sampledAtJobs jobs completed when the last census was taken
   * @param cost          what the last sample cost
   * @param nowNanos      when it ended
   */
  public Due next(long sampledAtJobs, Cost cost, long nowNanos) {
    charge(cost);
    double stretch = guard.stretch();
    if (every != AgentOptions.EVERY_AUTO) {
      long notBefore = stretch > 1 ? nowNanos + quiet(cost.totalNanos(), stretch, 1) : nowNanos;
      return new Due(sampledAtJobs + every, notBefore);
    }
    long byQuiet = nowNanos + quiet(cost.totalNanos(), stretch, 1);
    if (censuses < BOOTSTRAP_CENSUSES) {
      return new Due(sampledAtJobs + 1, nowNanos + quiet(cost.totalNanos(), stretch, BOOTSTRAP_FACTOR), byQuiet);
    }
    if (budget.notBefore() > byQuiet) {
      return new Due(sampledAtJobs + 1, nowNanos + quiet(cost.totalNanos(), stretch, REPAY_FACTOR), byQuiet);
    }
    return new Due(sampledAtJobs + 1, byQuiet);
  }

  /** Books what a sample cost the host: the ledger, and the pause for the guard. */
  public void charge(Cost cost) {
    budget.charge(cost.totalNanos());
    if (cost.pauseNanos() > 0) { // 0: no census was taken (failed, or no new job)
      guard.observe(cost.pauseNanos());
      pauseNanos += cost.pauseNanos();
      censuses++;
    }
  }

  /**
   * At the end of a hunt: whether one last census is to be taken, so that the final report
   * describes the end of the run. Wanted when the last census is older than the sampling interval
   * ({@code due}: its jobs, and its quiet at the budget's pace, whatever the start-up loan), unless
   * the guard predicts a pause over {@code maxpause}; otherwise the last census is recent enough.
   */
  public boolean lastCensusWanted(Due due, long jobsNow, long nowNanos) {
    return due != null && jobsNow >= due.atJobs() && nowNanos >= due.quietUntilNanos() && !guard.over();
  }

  private long quiet(long costNanos, double stretch, double budgetFactor) {
    double idleShare = Math.max(0, 100.0 / (overheadPercent * budgetFactor) - 1.0);
    return (long) Math.min(Math.max(0, costNanos) * idleShare * stretch, (double) MAX_QUIET_NANOS);
  }

  /** Why sampling is held back beyond the budget, for the log and the report; null when it is not. */
  public String pauseNote() {
    return guard.note(overheadPercent);
  }

  /** The share of wall time the hunt has cost so far, in percent. */
  public double spentPercent(long nowNanos) {
    return budget.spentPercent(nowNanos);
  }

  public long spentNanos() {
    return budget.spentNanos();
  }

  /** The censuses' pauses alone, of {@link #spentNanos()}. */
  public long pauseNanos() {
    return pauseNanos;
  }

  /** Wall time since the hunt started. */
  public long sinceStartNanos(long nowNanos) {
    return budget.sinceStartNanos(nowNanos);
  }
}
