package dev.leakhunter.growth;

import dev.leakhunter.common.OwnSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups suspects into leaks: types that grow because one leak holds them all read as one leak.
 *
 * <p><b>What "one leak" looks like in a census.</b> A processed-orders log that keeps one
 * {@code Order} per job also keeps its {@code LineItem}s (1 to 10 each, 5.5 on average), their
 * {@code String}s and {@code byte[]}s, an {@code ArrayList} and {@code Object[]} per order: six types
 * at four different rates (+0.33, +1.83, +2.18 per job). Equal rates are therefore no test (the
 * previous rule, "within 15%", read that leak as three), and neither are simple-fraction ratios:
 * 5.5 items per order is an average, and with a 10% tolerance nearly every ratio from 1/8 to 8 is
 * within reach of a fraction with a denominator up to 4. Sample-to-sample co-movement is no test
 * either: the number of orders between two censuses is nearly constant, while the items per order
 * are random, so the increments of {@code Order} and {@code LineItem} are barely correlated.
 *
 * <p><b>The rule: co-growth.</b> What one leak's types do share is the <em>shape</em> of their
 * growth: they start, speed up, slow down and stop together, because the same jobs add to all of
 * them. So each suspect's series is turned into its progress over the common window,
 * {@code c(i) = (y(i) - start) / (end - start)} with robust ends (the median of the first and of the
 * last few samples), after one-off jumps are taken out of the series (see {@link #withoutJumps}),
 * and two suspects grow in lockstep when their progress curves stay within
 * {@value #SHAPE_TOLERANCE} of each other, plus {@value #NOISE_WIDTHS} times each series' own noise
 * (sample-to-sample scatter, as a share of its growth), at all but one in {@value #OUTLIER_SHARE}
 * common samples (a census can catch a spike in one type). A suspect's series is
 * its instance count, or its bytes when its count does not grow (a builder growing in place).
 *
 * <p><b>When it is wrong.</b> Two independent leaks that both grow steadily with jobs over the same
 * window have the same shape, and are merged: no census statistic tells them apart, only who holds
 * them (retention roots, not built yet) can. They are split when their shapes differ: one started
 * later or stopped, one grows in repeated steps, one speeds up. One leak is split when its types really grow
 * differently (a holder created once per 100 jobs, its parts per job). Noisy series are merged
 * rather than split: the tolerance widens with noise, so "cannot tell" reads as one leak.
 *
 * <p><b>Order.</b> Each cluster grows from the suspect with the most bytes per job not yet placed,
 * and takes every remaining suspect in lockstep with that seed (not with any member, so a slow
 * drift cannot chain every suspect into one cluster). Its lead is the most specific type (an
 * application type before an array of one or a lambda, before JDK types and primitive arrays:
 * {@link TypeNames#specificity}), among those the one with the fewest instances per job, unless it
 * carries almost none of the bytes (a job's leak is usually one holder with its parts in multiples:
 * one {@code Order}, 5.5 {@code LineItem}s), then the most bytes per job. Clusters led by an
 * application type come first, then by total bytes per job.
 */
final class Clusters {
  /** Progress curves of one leak's types differ by sampling noise; a late start by 0.3 or more. */
  static final double SHAPE_TOLERANCE = 0.2;
  /** Noise (as a share of growth) widens the tolerance: when unsure, merge. */
  static final double NOISE_WIDTHS = 3;
  /**
   * One census in this many may disagree (in-flight work, a spike in one type): a different shape
   * disagrees at many samples, a late start at every sample before it.
   */
  static final int OUTLIER_SHARE = 5;
  /** A lead carries at least this share (1/n) of the bytes per job of its cluster's biggest peer. */
  static final int LEAD_BYTES_SHARE = 32;
  /** Below this many common samples there is no shape to compare: merge. */
  private static final int MIN_COMMON = 4;

  /** A suspect before it has a cluster number. */
  record Candidate(String type, double instancesPerJob, double bytesPerJob, double confidence,
                   List<SeriesPoint> series) {
    Suspect toSuspect(int cluster) {
      return new Suspect(type, instancesPerJob, bytesPerJob, confidence, cluster, series);
    }

    boolean counted() {
      return instancesPerJob > 0;
    }

    long value(SeriesPoint p) {
      return counted() ? p.instances() : p.bytes();
    }
  }

  // Comparators written out and sorts by OwnSort: the JDK's shared sort and Comparator combinators
  // would carry the agent's types into the host's JIT profiles (see OwnSort).
  private static final Comparator<Candidate> BY_BYTES_THEN_NAME = (a, b) -> {
    int bytes = Double.compare(b.bytesPerJob(), a.bytesPerJob());
    return bytes != 0 ? bytes : a.type().compareTo(b.type());
  };

  private static final Comparator<Candidate> LEAD_FIRST = (a, b) -> {
    int specific = Integer.compare(TypeNames.specificity(a.type()), TypeNames.specificity(b.type()));
    if (specific != 0) {
      return specific;
    }
    int perJob = Double.compare(a.counted() ? a.instancesPerJob() : Double.POSITIVE_INFINITY,
        b.counted() ? b.instancesPerJob() : Double.POSITIVE_INFINITY);
    return perJob != 0 ? perJob : BY_BYTES_THEN_NAME.compare(a, b);
  };

  /** Clusters led by an application type first, then by bytes per job in total, then by the lead's name. */
  private static final Comparator<List<Candidate>> CLUSTERS_FIRST = (a, b) -> {
    int application = Integer.compare(TypeNames.specificity(a.get(0).type()) == 0 ? 0 : 1,
        TypeNames.specificity(b.get(0).type()) == 0 ? 0 : 1);
    if (application != 0) {
      return application;
    }
    int bytes = Double.compare(totalBytesPerJob(b), totalBytesPerJob(a));
    return bytes != 0 ? bytes : a.get(0).type().compareTo(b.get(0).type());
  };

  private Clusters() {
  }

  /**
   * Suspects ordered by cluster (1 = led by an application type, with the most bytes per job in
   * total), each cluster's lead first, then the rest by bytes per job.
   */
  static List<Suspect> rank(List<Candidate> candidates) {
    List<Candidate> left = new ArrayList<>(candidates);
    OwnSort.sort(left, BY_BYTES_THEN_NAME);
    List<List<Candidate>> clusters = new ArrayList<>();
    while (!left.isEmpty()) {
      Candidate seed = left.remove(0);
      List<Candidate> cluster = new ArrayList<>();
      cluster.add(seed);
      for (int i = 0; i < left.size(); ) {
        if (lockstep(seed, left.get(i))) {
          cluster.add(left.remove(i));
        } else {
          i++;
        }
      }
      Candidate lead = lead(cluster);
      cluster.remove(lead);
      OwnSort.sort(cluster, BY_BYTES_THEN_NAME);
      cluster.add(0, lead);
      clusters.add(cluster);
    }
    OwnSort.sort(clusters, CLUSTERS_FIRST);
    List<Suspect> ranked = new ArrayList<>(candidates.size());
    for (int i = 0; i < clusters.size(); i++) {
      for (Candidate c : clusters.get(i)) {
        ranked.add(c.toSuspect(i + 1));
      }
    }
    return ranked;
  }

  /**
   * The cluster's lead by {@link #LEAD_FIRST}, among the most specific types, leaving out a counted
   * type with less than 1/{@value #LEAD_BYTES_SHARE} of the bytes per job of the biggest counted one.
   * A type with almost no bytes is no holder of the leak, however few of it grow per job: a JDK 25 run of a leak of 1 KiB
   * chunks had {@code Object[]} at +0.04/job and +2 B/job in lockstep with {@code byte[]} at
   * +1.25/job and +1.0 KB/job, and "fewest per job" named {@code Object[]}.
   */
  static Candidate lead(List<Candidate> cluster) {
    int best = Integer.MAX_VALUE;
    double biggest = 0;
    for (Candidate c : cluster) {
      best = Math.min(best, TypeNames.specificity(c.type()));
    }
    for (Candidate c : cluster) {
      if (TypeNames.specificity(c.type()) == best && c.counted()) {
        biggest = Math.max(biggest, c.bytesPerJob());
      }
    }
    List<Candidate> eligible = new ArrayList<>(cluster.size());
    for (Candidate c : cluster) {
      boolean enoughBytes = !c.counted() || c.bytesPerJob() * LEAD_BYTES_SHARE >= biggest;
      if (TypeNames.specificity(c.type()) == best && enoughBytes) {
        eligible.add(c);
      }
    }
    return OwnSort.min(eligible, LEAD_FIRST);
  }

  /** True when {@code a} and {@code b} grow with the same shape over the samples they share. */
  static boolean lockstep(Candidate a, Candidate b) {
    List<long[]> common = common(a, b);
    int n = common.size();
    if (n < MIN_COMMON) {
      return true;
    }
    long[] ya = new long[n];
    long[] yb = new long[n];
    for (int i = 0; i < n; i++) {
      ya[i] = common.get(i)[0];
      yb[i] = common.get(i)[1];
    }
    double[] wa = withoutJumps(ya);
    double[] wb = withoutJumps(yb);
    double[] ca = progress(wa);
    double[] cb = progress(wb);
    if (ca == null || cb == null) {
      return true; // no net growth over the common window: no shape to tell apart
    }
    double tolerance = SHAPE_TOLERANCE + NOISE_WIDTHS * (noiseShare(wa) + noiseShare(wb));
    int apart = 0;
    for (int i = 0; i < n; i++) {
      if (Math.abs(ca[i] - cb[i]) > tolerance) {
        apart++;
      }
    }
    return apart <= n / OUTLIER_SHARE;
  }

  /** The two series' values at the jobs both have a sample for, oldest first. */
  private static List<long[]> common(Candidate a, Candidate b) {
    List<long[]> common = new ArrayList<>();
    List<SeriesPoint> sa = a.series();
    List<SeriesPoint> sb = b.series();
    int i = 0;
    int j = 0;
    while (i < sa.size() && j < sb.size()) {
      long ja = sa.get(i).jobs();
      long jb = sb.get(j).jobs();
      if (ja == jb) {
        common.add(new long[] {a.value(sa.get(i)), b.value(sb.get(j))});
        i++;
        j++;
      } else if (ja < jb) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  /**
   * The series rebuilt from its sample-to-sample increments with the one-off jumps taken out: an
   * increment more than 6 robust standard deviations and more than the median increment away from
   * the median becomes the median, as long as such increments are rare (one in
   * {@value #OUTLIER_SHARE}, or one). A {@code byte[]} that a leak holds also jumps once when a table
   * is built in warm-up, or when the list holding the leak doubles its array: without this, that
   * one jump would shift its progress curve for good and split it from its leak. A late start or a
   * stop is no jump: half the increments are then unlike the median, and stay.
   */
  static double[] withoutJumps(long[] y) {
    int n = y.length;
    double[] diffs = new double[n - 1];
    for (int i = 0; i < n - 1; i++) {
      diffs[i] = y[i + 1] - y[i];
    }
    double[] sorted = diffs.clone();
    double med = median(sorted);
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = Math.abs(diffs[i] - med);
    }
    double cap = Math.max(6 * 1.4826 * median(sorted), Math.abs(med));
    int jumps = 0;
    for (double d : diffs) {
      jumps += Math.abs(d - med) > cap ? 1 : 0;
    }
    // Jumps are one-offs: when many increments stand out, they are how the series grows.
    boolean clip = jumps <= Math.max(1, diffs.length / OUTLIER_SHARE);
    double[] w = new double[n];
    w[0] = y[0];
    for (int i = 1; i < n; i++) {
      double d = diffs[i - 1];
      w[i] = w[i - 1] + (clip && Math.abs(d - med) > cap ? med : d);
    }
    return w;
  }

  /**
   * Progress from 0 (start) to 1 (end), ends taken as the medians of the first and the last
   * {@code max(2, n / 8)} samples, so that one odd census at either end does not skew the curve;
   * null if the series does not grow between them.
   */
  static double[] progress(double[] y) {
    int n = y.length;
    int k = Math.max(2, n / 8);
    double start = median(y, 0, k);
    double end = median(y, n - k, n);
    if (end <= start) {
      return null;
    }
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = (y[i] - start) / (end - start);
    }
    return c;
  }

  /**
   * Sample-to-sample scatter as a share of the growth: a robust standard deviation of successive
   * differences around their median (so a steady trend is not noise), over the net rise.
   */
  static double noiseShare(double[] y) {
    int n = y.length;
    double[] diffs = new double[n - 1];
    for (int i = 0; i < n - 1; i++) {
      diffs[i] = y[i + 1] - y[i];
    }
    double med = median(diffs);
    for (int i = 0; i < diffs.length; i++) {
      diffs[i] = Math.abs(diffs[i] - med);
    }
    double scatter = 1.4826 * median(diffs) / Math.sqrt(2);
    int k = Math.max(2, n / 8);
    double rise = median(y, n - k, n) - median(y, 0, k);
    return rise <= 0 ? 0 : scatter / rise;
  }

  private static double median(double[] y, int from, int to) {
    double[] v = new double[to - from];
    for (int i = from; i < to; i++) {
      v[i - from] = y[i];
    }
    return median(v);
  }

  private static double median(double[] v) {
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? 0 : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static double totalBytesPerJob(List<Candidate> cluster) {
    double total = 0;
    for (Candidate c : cluster) {
      total += c.bytesPerJob();
    }
    return total;
  }
}
