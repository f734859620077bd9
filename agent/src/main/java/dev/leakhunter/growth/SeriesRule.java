package dev.leakhunter.growth;

/**
 * Decides whether one series (a type's instances or bytes, against jobs completed) is sustained
 * growth, i.e. a leak rather than noise, a cache that fills and stops, or a one-off jump.
 *
 * <p>All of these must hold over the window {@code [from, to)}:
 * <ol>
 *   <li>The whole window trends upward: Mann–Kendall one-sided p &le; {@value #ALPHA}. Strict,
 *       because a heap has thousands of types and each is tested after every sample.</li>
 *   <li>The growth is material and proportional to jobs: the Theil–Sen slope {@code b} is at least
 *       the per-job floor and {@code b * jobSpan} is at least the minimum growth.</li>
 *   <li>It is still growing at the end: the <em>tail</em>, from the best single split of the
 *       series into two flat levels (or from the first third of the window, whichever is later,
 *       keeping at least {@value #MIN_TAIL} samples), has a Theil–Sen slope of at least
 *       {@value #PLATEAU_RATIO} of the reference rate, grows by at least half the minimum growth,
 *       and trends upward with p &le; {@value #TAIL_ALPHA}.</li>
 * </ol>
 * The reference rate is the larger of {@code b} and the split's own rate (the rise between the
 * two levels per job between their centres). For linear growth they agree. For a cache that fills
 * and stops, the split falls at the knee and the tail is flat. For a one-off jump, the split falls
 * on it: the tail is flat, and the jump's rate far exceeds anything noise can reach in the tail,
 * even when noise lifts {@code b} (a median of pairwise slopes) a little.
 *
 * <p>Known limits, measured on synthetic series: a jump bigger than about half the window's linear
 * growth in the same type hides that growth until the growth outweighs it; a jump about the size
 * of the in-flight noise, in the last third of the window, passes a few percent of the time, and
 * stops passing as the window extends past it.
 *
 * <p>Holds scratch arrays, so that testing thousands of types allocates nothing per type; one
 * instance per model, not thread-safe.
 */
final class SeriesRule {
  /** Whole-window significance. */
  static final double ALPHA = 0.001;
  /**
   * Tail significance: a confirmation after the strict whole-window test, on half the samples or
   * fewer. At 0.05 a slow leak sampled 11 times was missed 28% of the time, at 0.1 17%.
   */
  static final double TAIL_ALPHA = 0.1;
  /** "Not far below": a leak's tail grows at about the whole rate; a plateau's at about zero. */
  static final double PLATEAU_RATIO = 0.5;
  /** Below 4 samples Mann–Kendall cannot reach p &le; 0.1 at all (its best p at 4 is 0.045). */
  static final int MIN_TAIL = 4;
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
    MannKendall whole = MannKendall.test(y, from, to, longScratch);
    if (whole.p() > ALPHA) {
      return 0;
    }
    double slope = TheilSen.slope(x, y, from, to, pairScratch);
    if (slope < minPerJob || slope * (x[to - 1] - x[from]) < minGrowth) {
      return 0;
    }
    int split = bestSplit(y, from, to);
    int tailFrom = Math.min(to - MIN_TAIL, from + (to - from) / 3);
    if (to - split >= MIN_TAIL) {
      tailFrom = Math.max(tailFrom, split);
    }
    double reference = Math.max(slope, splitRate(x, y, from, split, to));
    double tailSlope = TheilSen.slope(x, y, tailFrom, to, pairScratch);
    if (tailSlope < PLATEAU_RATIO * reference
        || tailSlope * (x[to - 1] - x[tailFrom]) < minGrowth / 2.0) {
      return 0;
    }
    MannKendall tail = MannKendall.test(y, tailFrom, to, longScratch);
    if (tail.p() > TAIL_ALPHA) {
      return 0;
    }
    return 1 - Math.max(whole.p(), tail.p());
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
