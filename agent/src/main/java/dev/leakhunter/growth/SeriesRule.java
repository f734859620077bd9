package dev.leakhunter.growth;

/**
 * Decides whether one series (a type's instances or bytes, against jobs completed) is sustained
 * growth, i.e. a leak rather than noise, a cache that fills and stops, or a one-off jump.
 *
 * <p>All of these must hold over the window {@code [from, to)}:
 * <ol>
 *   <li>It rose from one sample to the next at least {@value #MIN_RISES} times.</li>
 *   <li>The whole window trends upward: Mann–Kendall one-sided p &le; {@value #ALPHA}.</li>
 *   <li>The growth is material and proportional to jobs: the Theil–Sen slope {@code b} is at least
 *       the per-job floor, and the fitted growth {@code b * jobSpan} is at least the minimum growth
 *       and at least {@value #NOISE_RATIO} times the noise (in-flight work), read both from
 *       sample to sample and about the fitted line, the larger ({@link #residualScatter}), so
 *       that growth has to stand out of the noise, not merely lean on it.</li>
 *   <li>It is still growing at the end: the <em>tail</em>, from the recent half or from the best
 *       single split of the series into two flat levels, whichever is later (keeping at least
 *       {@value #MIN_TAIL} samples), has a Theil–Sen slope of at least {@value #PLATEAU_RATIO} of
 *       the reference rate and trends upward with p &le; {@value #TAIL_ALPHA}; and it is not
 *       stalled: since its lower envelope last rose, {@code b} times the jobs is under the larger of
 *       4 times the noise and {@value #STALL_SHARE} of the minimum growth ({@link #STALL_SHARE}).</li>
 * </ol>
 * The reference rate is the larger of {@code b} and the split's own rate (the rise between the
 * two levels per job between their centres). For linear growth they agree. For a cache that fills
 * and stops, the split falls near the knee and the tail is flat; for one that fills ever more
 * slowly, the split's rate is the early fast filling, which the tail is far below. For a one-off
 * jump, the split falls on it: the tail is flat, and the jump's rate far exceeds anything noise can
 * reach in the tail, even when noise lifts {@code b} (a median of pairwise slopes) a little.
 *
 * <p>Measured on seeded synthetic series (2,000 seeds each, 100,000 for noise), a census every 10
 * jobs unless said: a leak of 0.1 instance per job under 0..5 in-flight objects is caught 97% of
 * the time over 200 jobs (21 samples), 94% sampled every 15 (15 samples), 82% sampled every 20
 * (11 samples), 100% over 400 jobs sampled every 20. Pure noise (0..50 or 0..500 in flight):
 * never. A jump 5 times the noise range or more: never. Known limits: a jump the size of the noise
 * range passes up to 1.7% of the time in the first half of the window and up to 5.2% in the
 * second; a cache that stops filling in the last quarter of the window passes 20% of the time; a
 * jump bigger than about half the window's linear growth in the same type hides that growth until
 * the growth outweighs it. All but the last fade as the window extends past them.
 *
 * <p><b>Strong evidence on fewer samples.</b> Before the model has enough samples for the rule above,
 * {@link #strongGrowth} calls a leak only on a series that rose at every sample, by at least 4
 * times the minimum growth, and lies on a line against jobs within 1.2% of its growth at 5
 * samples (2.5% at 6, 4% at 7). Measured with the model on seeded synthetic series (2,000 seeds
 * each) at 5 / 6 / 7 samples: exactly 1 per job, evenly or unevenly spaced (jobs 20, 29, 108, 128,
 * 153): always. 1 per job under 0..5 in flight, a census every 80 jobs: 90% / 100% / 100%; every
 * 40: 29% / 99% / 100%; every 20: 5% / 48% / 98%; at jobs 20, 29, 108, 128, 153, 190, 260: 19% /
 * 96% / 100% (those not caught wait for the rule above). 0.1 per job under 0..20 in flight, every
 * 20 to 80 jobs: never. 0.1 per job under 0..5, every 80: 0.2% / 4% / 13%. Never: settling that
 * slows down with jobs (50 to 1,000 times log(jobs) or sqrt(jobs), steps that halve or shrink by a
 * quarter at each census, under 0..5 in flight), a jump of 200 between any two censuses (under
 * 0..20), a cache full at least one census gap before the newest census (1 per job up to a knee
 * at any job, under 0..5; 200 seeds per knee). Known limits: a cache that fills until the newest
 * gap is still rising at its rate when the newest census is taken, and passes 44-63% of the time
 * when full in the last quarter of that gap, 4-17% in the quarter before, 1.1% or less before; the next
 * census ends it. Bursts of 5..50 (classes loaded, code compiled) at a rate that decays with jobs,
 * falling by e every 100 / 300 / 1,000 jobs: at most 0.1% / 0.4% / 1.1% at 5 samples, 0.4% / 1.1% /
 * 6% at 6, 0.5% / 2.4% / 17% at 7 (sampled every 15 to 80 jobs), where the rule above passes the
 * same series up to 63% / 93% / 99.9% of the time at 8 samples.
 * Pure noise, 43 types (0..5 to 0..5,000 in flight, and bytes of 0..200,000), analysed at 5, 6 and 7
 * samples: 5 leak verdicts in 100,000 seeds, about 4 in 10 million series.
 *
 * <p>Holds scratch arrays, so that testing thousands of types allocates nothing per type; one
 * instance per model, not thread-safe.
 */
final class SeriesRule {
  /**
   * Whole-window significance. Strict, because a heap has thousands of types, each tested after
   * every sample; with the noise gate no measured case needed more than 0.01, so this is a margin,
   * and it screens cheaply before the O(n^2 log n) Theil–Sen slope.
   */
  static final double ALPHA = 0.001;
  /**
   * Tail significance: a confirmation after the strict whole-window test, on half the samples or
   * fewer, so a lenient level. A slow leak sampled 11 times is missed 29% of the time at 0.05, 18%
   * at 0.1 and 7% without the test; but without it a jump the size of the noise range in the
   * second half of the window passes up to 9% of the time instead of 5%.
   */
  static final double TAIL_ALPHA = 0.1;
  /** "Not far below": a leak's tail grows at about the whole rate; a plateau's at about zero. */
  static final double PLATEAU_RATIO = 0.5;
  /** Below 4 samples Mann–Kendall cannot reach p &le; 0.1 at all (its best p at 4 is 0.045). */
  static final int MIN_TAIL = 4;
  /**
   * Fitted growth over the window in units of noise. At 3 a few jumps the size of the noise still
   * passed where 4 stopped them; at 6 a leak of 0.1 per job under 0..20 in flight, over 400 jobs,
   * was caught 51% of the time instead of 90%.
   */
  static final double NOISE_RATIO = 4;
  /**
   * Sustained growth rises again and again: a handful of rises is a few events, however steady the
   * count is in between. On JDK 25 the JVM's own lazy class loading added +5, +1, +3, +1
   * {@code java.lang.Class} over 760 jobs of a healthy fixture (57 samples): 8 classes, 0.0105 per
   * job, no noise, above every other gate. A leak at 1 per job rises at every sample; one at the
   * 0.01 per job floor, sampled every 13 jobs, about every 8th.
   */
  static final int MIN_RISES = 6;
  /**
   * The stall test's floor, as a share of the minimum growth: a leak keeps rising. A series whose
   * lower envelope has not risen for as many jobs as its fitted rate needs to rise by 4 times the
   * noise, or by a quarter of the minimum growth, has stopped (or was a few bursts). Measured on
   * JDK 25, 400 jobs at 600 jobs/s: {@code java.lang.Object[]} of a healthy fixture rose by bursts
   * of 1-11 (the JVM's and the explaining's own arrays) to +33 by job 286, then not above 1,876 in
   * the last 102 jobs, where its fitted 0.10 per job predicted +10 over noise of about 1. A leak at the
   * 0.1 per job floor sampled every 20 jobs rises at every census; under in-flight noise of range R
   * its envelope rises within about R / b jobs, under the 4 x noise (about 1.15 R) allowed.
   */
  static final double STALL_SHARE = 0.25;
  /** Steps of a doubling array in the window before {@link #steppedGrowth} believes it. */
  static final int MIN_STEPS = 3;
  /** A rise counts as a step when it is at least 1/8 of the window's largest one (3 doublings). */
  static final double STEP_FLOOR_DIVISOR = 8;
  /** A doubling array's steps grow; with sampling they may look a little smaller. */
  static final double STEP_SHRINK = 0.6;
  /** How far apart the ranges of fill rates between steps may be (heights are read on a noisy envelope). */
  static final double STEP_RATE_SPREAD = 3;
  /** The next step of a doubling array comes after 2x the last height at the fill rate; margin 1.5. */
  static final double OVERDUE = 3;
  /**
   * Fewest samples for {@link #strongGrowth}. At 4, samples within 0.2% of the growth from a line
   * (growth of 4x the minimum) still came from noise 7 times in a million (0..50 in flight: an
   * exact arithmetic progression in four draws is that common), while a leak of 1 per job under
   * 0..5 in flight, sampled every 80 jobs, passed 3% of the time: four points cannot tell a line
   * from noise.
   */
  static final int MIN_STRONG_SAMPLES = 5;
  /**
   * Growth {@link #strongGrowth} asks for, in multiples of the minimum growth. Counts are integers,
   * and small noise draws exact lines: over 5 samples, at 1x (8 instances) 0..10 in flight gave
   * 0, 2, 4, 6, 8 (or 1, 3, 5, 7, 9 ...) 21 times in a million, at 2x 0..20 still 2 in a million.
   * At 4x (32 instances, 4 KiB) none of a million from 0..10, 0..20 or 0..50 did. A leak of 1 per
   * job sampled every 20 jobs grows 80 over 5 samples.
   */
  static final int STRONG_GROWTH_FACTOR = 4;
  /**
   * How far from the Theil–Sen line {@link #strongGrowth} lets a sample lie, as a share of the
   * fitted growth, by number of samples (index 5, 6, 7; beyond 7 the last). Noise that rose at
   * every sample lies that close to a line by chance with a probability that shrinks with the
   * tolerance to the power n - 2, so each n has its own. Noise of 0..100, 0..5,000 and 0..100,000
   * in flight (2 million seeds each) passed 0.8, 0.7 and 0.3 times in a million at 5, 6 and 7
   * samples; at 1.5%, 3% and 5%, 2.2, 1.7 and 0.8 times. At 1%, 2% and 3.5% a leak of 1 per job
   * under 0..5 in flight sampled every 80 jobs was caught at 5 samples 78% of the time, not 90%.
   */
  private static final double[] LINE_TOLERANCE = {0, 0, 0, 0, 0, 0.012, 0.025, 0.04};

  /** Significance for reporting the rate of a suspect's other series: does it go up at all. */
  private static final double RATE_ALPHA = 0.05;

  private final long[] longScratch;
  private final double[] pairScratch;

  SeriesRule(int capacity) {
    this.longScratch = new long[capacity];
    this.pairScratch = new double[capacity * (capacity - 1) / 2];
  }

  /**
   * The confidence, in (0, 1], that {@code y[from, to)} grows steadily with {@code x}, or 0 if it
   * does not. The confidence is one minus the weaker of the two trend tests' p-values.
   */
  double sustainedGrowth(long[] x, long[] y, int from, int to, long minGrowth, double minPerJob) {
    if (to - from < 2 * MIN_TAIL || range(y, from, to) < minGrowth) {
      return 0; // the cheap screen: most types never move by minGrowth at all
    }
    if (rises(y, from, to) < MIN_RISES) {
      return 0;
    }
    MannKendall whole = MannKendall.test(y, from, to, longScratch);
    if (whole.p() > ALPHA) {
      return 0;
    }
    double slope = TheilSen.slope(x, y, from, to, pairScratch);
    double growth = slope * (x[to - 1] - x[from]);
    double noise = scatter(y, from, to);
    if (slope < minPerJob || growth < minGrowth || growth < NOISE_RATIO * Math.max(noise,
        residualScatter(x, y, from, to, slope))) {
      return 0;
    }
    if (slope * (x[to - 1] - x[newestRise(y, from, to)]) >= Math.max(NOISE_RATIO * noise, minGrowth * STALL_SHARE)) {
      return 0; // no new high for as long as the fitted rate would have needed to rise out of the noise
    }
    int split = bestSplit(y, from, to);
    int tailFrom = from + (to - from) / 2;
    if (to - split >= MIN_TAIL) {
      tailFrom = Math.max(tailFrom, split);
    }
    double reference = Math.max(slope, splitRate(x, y, from, split, to));
    if (TheilSen.slope(x, y, tailFrom, to, pairScratch) < PLATEAU_RATIO * reference) {
      return 0;
    }
    MannKendall tail = MannKendall.test(y, tailFrom, to, longScratch);
    if (tail.p() > TAIL_ALPHA) {
      return 0;
    }
    return 1 - Math.max(whole.p(), tail.p());
  }

  /**
   * The confidence, in (0, 1], that {@code y[from, to)} is a leak on few samples, or 0. For a
   * window shorter than {@link #sustainedGrowth} can judge: the evidence has to be strong where
   * the samples are few. All of these must hold:
   * <ol>
   *   <li>at least {@value #MIN_STRONG_SAMPLES} samples, and it rose at every one of them;</li>
   *   <li>the Theil–Sen slope {@code b} is at least the per-job floor, and the fitted growth
   *       {@code b * jobSpan} at least {@value #STRONG_GROWTH_FACTOR} times the minimum growth;</li>
   *   <li>it grows in proportion to jobs: every sample lies within a small share of the fitted
   *       growth (1.2% at 5 samples, 2.5% at 6, 4% at 7 or more) of the line of slope {@code b}
   *       through the median intercept. Against jobs, not against sample number: censuses are not
   *       evenly spaced in jobs, and a leak grows per job, not per census.</li>
   * </ol>
   * What settles also rises at every census at first, but not in proportion to jobs: classes
   * loaded and code compiled come in bursts that slow down, a cache that fills stops, a one-off
   * jump is one step. Each leaves a sample far off any line through the others. The line test is
   * the per-step rate test stated against the whole growth: asking in addition that each step's
   * rise per job be within 1.5x of {@code b} rejected no more noise at 5 and 6 samples, and missed
   * a leak under 0..5 in flight on censuses at jobs 20, 29, 108, 128, 153, 190 (a 9-job step, whose
   * rate noise alone moves by half) 11% more often.
   */
  double strongGrowth(long[] x, long[] y, int from, int to, long minGrowth, double minPerJob) {
    int n = to - from;
    long enough = STRONG_GROWTH_FACTOR * minGrowth;
    if (n < MIN_STRONG_SAMPLES || y[to - 1] - y[from] < enough || rises(y, from, to) < n - 1) {
      return 0;
    }
    double slope = TheilSen.slope(x, y, from, to, pairScratch);
    double growth = slope * (x[to - 1] - x[from]);
    if (slope < minPerJob || growth < enough) {
      return 0;
    }
    for (int i = from; i < to; i++) {
      pairScratch[i - from] = y[i] - slope * x[i];
    }
    double intercept = TheilSen.median(pairScratch, n);
    double tolerance = LINE_TOLERANCE[Math.min(n, LINE_TOLERANCE.length - 1)] * growth;
    for (int i = from; i < to; i++) {
      if (Math.abs(y[i] - (intercept + slope * x[i])) > tolerance) {
        return 0;
      }
    }
    return 1 - MannKendall.test(y, from, to, longScratch).p();
  }

  /**
   * The confidence, in (0, 1], that {@code y[from, to)} is one array growing by doubling as it fills
   * (a {@code StringBuilder} or {@code ByteArrayOutputStream} appended to per job and never
   * emptied), or 0. Its bytes rise in steps, each about twice the one before, flat in between; the
   * latest flat stretch fails {@link #sustainedGrowth}'s tail test although the next step is only
   * not yet due. So this rule accepts a staircase when, on the series' lower envelope (the minimum
   * of each sample and all later ones, which drops in-flight spikes):
   * <ol>
   *   <li>the whole window trends upward (Mann–Kendall p &le; {@value #ALPHA}) by at least
   *       {@code minGrowth};</li>
   *   <li>it rose in at least {@value #MIN_STEPS} steps, each a rise of more than
   *       {@value #NOISE_RATIO} times the noise and at least 1/{@value #STEP_FLOOR_DIVISOR} of the
   *       largest, none smaller than {@value #STEP_SHRINK} of the one
   *       before (an array's steps grow with it);</li>
   *   <li>between steps the array filled at a steady rate: the ranges of step height over jobs since
   *       the previous step (each step known only to lie between its sample and the one before),
   *       widened by a factor {@value #STEP_RATE_SPREAD}, overlap;</li>
   *   <li>the next step is not overdue: fewer jobs have passed since the last step than
   *       {@value #OVERDUE} times the last step's height at that rate (a doubling array's next step
   *       needs twice that).</li>
   * </ol>
   * A bounded buffer or a cache's table that grows this way and stops is a leak by this rule until
   * its next step is overdue.
   */
  double steppedGrowth(long[] x, long[] y, int from, int to, long minGrowth) {
    int n = to - from;
    if (n < 2 * MIN_TAIL || range(y, from, to) < minGrowth) {
      return 0;
    }
    MannKendall whole = MannKendall.test(y, from, to, longScratch);
    if (whole.p() > ALPHA) {
      return 0;
    }
    double threshold = NOISE_RATIO * scatter(y, from, to);
    long[] envelope = lowerEnvelope(y, from, to, longScratch);
    if (envelope[n - 1] - envelope[0] < minGrowth) {
      return 0;
    }
    // The staircase is read backwards from the newest step: an array's steps shrink going back in
    // time, so the first rise that does not (a warm-up jump, an earlier cache) ends it.
    long largest = 0;
    for (int i = n / 2; i < n; i++) {
      largest = Math.max(largest, envelope[i] - envelope[i - 1]);
    }
    // Rises far below the newest steps are the envelope's own jitter, not an array's steps.
    threshold = Math.max(threshold, largest / STEP_FLOOR_DIVISOR);
    int steps = 0;
    double newestHeight = 0;
    double laterHeight = 0;
    long newestStepAt = -1;
    long laterStepAt = -1;
    long laterStepAfter = -1;
    // A step happened somewhere after the sample before it and by its own sample: the fill rate
    // between two steps lies between the later one's height over the most jobs that can separate
    // them and over the fewest. The rates agree when those ranges, widened by STEP_RATE_SPREAD,
    // overlap. (Read at the samples alone, a sparse flat-out run's steps, each known to within
    // 1,000-6,500 jobs, made rates of 69 to 260 B/job for one steady buffer.)
    double slowest = 0;
    double fastest = Double.POSITIVE_INFINITY;
    for (int i = n - 1; i >= 1; i--) {
      double rise = envelope[i] - envelope[i - 1];
      if (rise <= threshold || rise <= 0) {
        continue;
      }
      if (steps > 0 && rise * STEP_SHRINK > laterHeight) {
        break;
      }
      long at = x[from + i];
      long after = x[from + i - 1];
      if (steps == 0) {
        newestHeight = rise;
        newestStepAt = at;
      } else {
        slowest = Math.max(slowest, laterHeight / (laterStepAt - after));
        fastest = Math.min(fastest, laterHeight / Math.max(1, laterStepAfter - at));
      }
      steps++;
      laterHeight = rise;
      laterStepAt = at;
      laterStepAfter = after;
    }
    // laterHeight is now the oldest step's: the staircase must have doubled at least once, and grown
    // by minGrowth itself (a warm-up jump before it does not count).
    if (steps < MIN_STEPS || newestHeight < 2 * laterHeight || slowest > STEP_RATE_SPREAD * fastest
        || envelope[n - 1] - envelopeBefore(envelope, x, from, n, laterStepAt) < minGrowth) {
      return 0;
    }
    double rate = Math.sqrt(slowest * fastest);
    if (x[to - 1] - newestStepAt > OVERDUE * newestHeight / rate) {
      return 0;
    }
    return 1 - whole.p();
  }

  /**
   * The slope of a suspect's series, or 0 when that series does not go up at all: an instance
   * count that only jitters while the bytes grow is reported as 0 instances per job.
   */
  double rate(long[] x, long[] y, int from, int to) {
    if (range(y, from, to) == 0 || MannKendall.test(y, from, to, longScratch).p() > RATE_ALPHA) {
      return 0;
    }
    return Math.max(0, TheilSen.slope(x, y, from, to, pairScratch));
  }

  /**
   * Where one step (two flat levels) fits the series best, by least squares: the first index of
   * the upper level. Each level keeps at least two samples, so a spike at either end is not taken
   * for a step.
   */
  static int bestSplit(long[] y, int from, int to) {
    int n = to - from;
    double mean = 0;
    for (int i = from; i < to; i++) {
      mean += y[i];
    }
    mean /= n;
    // Sums of centred values: bytes reach 1e10, and sums of their raw squares would lose the noise.
    double total = 0;
    double totalSq = 0;
    for (int i = from; i < to; i++) {
      double d = y[i] - mean;
      total += d;
      totalSq += d * d;
    }
    double left = 0;
    double leftSq = 0;
    double best = Double.POSITIVE_INFINITY;
    int bestSplit = from + n / 2;
    for (int k = from + 1; k < to - 1; k++) {
      double d = y[k - 1] - mean;
      left += d;
      leftSq += d * d;
      int nl = k - from;
      int nr = to - k;
      if (nl < 2) {
        continue;
      }
      double right = total - left;
      double sse = leftSq - left * left / nl + (totalSq - leftSq) - right * right / nr;
      if (sse < best) {
        best = sse;
        bestSplit = k;
      }
    }
    return bestSplit;
  }

  /** The rise between the mean levels either side of {@code split}, per job between their centres. */
  static double splitRate(long[] x, long[] y, int from, int split, int to) {
    double leftY = 0;
    double leftX = 0;
    for (int i = from; i < split; i++) {
      leftY += y[i];
      leftX += x[i];
    }
    double rightY = 0;
    double rightX = 0;
    for (int i = split; i < to; i++) {
      rightY += y[i];
      rightX += x[i];
    }
    int nl = split - from;
    int nr = to - split;
    return (rightY / nr - leftY / nl) / (rightX / nr - leftX / nl);
  }

  /**
   * The sample-to-sample noise, as a standard deviation estimated robustly from successive
   * differences: 1.4826 * MAD(diff) / sqrt(2). The median difference absorbs a steady trend and a
   * single jump is one outlying difference, so neither counts as noise.
   */
  private double scatter(long[] y, int from, int to) {
    int n = to - from - 1;
    for (int i = 0; i < n; i++) {
      pairScratch[i] = y[from + i + 1] - y[from + i];
    }
    double median = TheilSen.median(pairScratch, n);
    for (int i = 0; i < n; i++) {
      pairScratch[i] = Math.abs(pairScratch[i] - median);
    }
    return 1.4826 * TheilSen.median(pairScratch, n) / Math.sqrt(2);
  }

  /**
   * The noise as the spread of the series about its fitted line (the median absolute deviation of
   * {@code y - slope * x}, scaled to a standard deviation). {@link #scatter} reads the noise from
   * sample-to-sample differences, which work in flight that ramps in step with the sampling hides:
   * measured on JDK 25, a control whose in-flight batch grew by 37 rows at each census (its batch
   * size steps by 119 a job, mod 300, censused every 23 jobs) rose by +37 at 7 censuses in 8 and
   * fell by 260 at the 8th, differences of near-zero spread around a sawtooth of range 300, whose
   * partial periods at the window's ends then read as +0.24 per job. For noise that does not
   * ramp, both read the same spread.
   */
  private double residualScatter(long[] x, long[] y, int from, int to, double slope) {
    int n = to - from;
    for (int i = 0; i < n; i++) {
      pairScratch[i] = y[from + i] - slope * x[from + i];
    }
    double median = TheilSen.median(pairScratch, n);
    for (int i = 0; i < n; i++) {
      pairScratch[i] = Math.abs(pairScratch[i] - median);
    }
    return 1.4826 * TheilSen.median(pairScratch, n);
  }

  /**
   * The lower envelope of {@code y[from, to)} into {@code out[0, to - from)}: each sample's least
   * value from it on, which drops in-flight spikes and keeps an array's steps.
   */
  static long[] lowerEnvelope(long[] y, int from, int to, long[] out) {
    long floor = Long.MAX_VALUE;
    for (int i = to - 1; i >= from; i--) {
      floor = Math.min(floor, y[i]);
      out[i - from] = floor;
    }
    return out;
  }

  /** The envelope just before the step at job {@code at}. */
  private static long envelopeBefore(long[] envelope, long[] x, int from, int n, long at) {
    for (int i = 1; i < n; i++) {
      if (x[from + i] == at) {
        return envelope[i - 1];
      }
    }
    return envelope[0];
  }

  /**
   * Where the series' lower envelope last rose: the newest index whose sample, and every one after
   * it, lies above the sample before it. A spike above the trend does not count (the envelope drops
   * it); the series dipping back below its level does.
   */
  static int newestRise(long[] y, int from, int to) {
    long floor = y[to - 1];
    for (int i = to - 1; i > from; i--) {
      floor = Math.min(floor, y[i]);
      if (y[i - 1] < floor) {
        return i;
      }
    }
    return from;
  }

  private static int rises(long[] y, int from, int to) {
    int rises = 0;
    for (int i = from + 1; i < to; i++) {
      rises += y[i] > y[i - 1] ? 1 : 0;
    }
    return rises;
  }

  private static long range(long[] y, int from, int to) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      min = Math.min(min, y[i]);
      max = Math.max(max, y[i]);
    }
    return max - min;
  }
}
