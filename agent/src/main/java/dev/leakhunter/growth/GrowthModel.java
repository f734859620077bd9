package dev.leakhunter.growth;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.common.OwnSort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Turns a run's censuses into a verdict: which types keep growing with the number of jobs.
 *
 * <p>One census alone, or a before/after diff, is noise (caches warming, in-flight work), so the
 * model keeps up to {@link GrowthSettings#capacity()} samples spread over the whole run and judges
 * each type's series with {@link SeriesRule}. Its memory is fixed once the types are known (see
 * {@link GrowthSettings}): the agent's own objects are in the censuses it analyzes, and a model
 * that grew per sample would report itself.
 *
 * <p>The sampler thread adds; the report writer (a shutdown hook too) analyzes: so every method is
 * synchronized.
 */
public final class GrowthModel {
  /** A table's elements no longer grow at this share of their earlier rate or below. */
  static final double STOPPED_SHARE = 0.25;
  /** A plateau: grew by at least this many instances, then stayed within this share of it. */
  static final long PLATEAU_MIN_GROWTH = 16;
  static final double PLATEAU_TOLERANCE_SHARE = 0.05;
  static final int PLATEAUS_KEPT = 10;
  private static final Comparator<Plateau> BY_BYTES_GROWN = (a, b) -> {
    int bytes = Long.compare(b.bytesGrown(), a.bytesGrown());
    return bytes != 0 ? bytes : a.type().compareTo(b.type());
  };
  private final GrowthSettings settings;
  private final SampleStore store;
  private final SeriesRule rule;
  /** A type's bytes less what its count explains, for the staircase; one per model, no allocation per type. */
  private final long[] bytesBeyondCount;

  public GrowthModel(GrowthSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = new SampleStore(settings.capacity(), settings.maxTypes());
    this.rule = new SeriesRule(settings.capacity());
    this.bytesBeyondCount = new long[settings.capacity()];
  }

  /**
   * Records one census.
   *
   * @param jobsCompleted jobs completed when the census was taken; must increase from call to call
   * @param histogram     live objects, without warm-up's and the agent's own types
   * @throws IllegalArgumentException if {@code jobsCompleted} does not increase
   */
  public synchronized void add(long jobsCompleted, Histogram histogram) {
    store.add(jobsCompleted, Objects.requireNonNull(histogram, "histogram"));
  }

  /**
   * Allocates the storage for the types of {@code histogram} now, recording no sample. The model's
   * storage (a name and two arrays per type) is in every census after it is allocated: reserved
   * from a census taken before the baseline, it is already in the baseline, instead of being a
   * one-off step between the baseline and the second sample that can hide a small leak of the
   * same JDK types.
   */
  public synchronized void reserve(Histogram histogram) {
    store.reserve(Objects.requireNonNull(histogram, "histogram"));
  }

  /**
   * The verdict on the samples kept so far. Allocates only for what it returns.
   *
   * <p>With fewer than {@code minSamples} samples, a type can still be called a leak on strong
   * evidence ({@link SeriesRule#strongGrowth}: a rise at every sample, in proportion to jobs)
   * from {@code minStrongSamples} on; the verdict is then {@code leak} with only such types as
   * suspects, and otherwise {@code inconclusive}, never {@code no-leak}.
   */
  public synchronized Analysis analyze() {
    int n = store.size();
    long[] jobs = store.jobs();
    if (n < settings.minSamples()) {
      if (n >= settings.minStrongSamples()) {
        List<Clusters.Candidate> strong = candidates(n, jobs, true);
        if (!strong.isEmpty()) {
          return new Analysis(Verdict.LEAK, Clusters.rank(strong), n,
              "leak on strong evidence after " + n + " samples" + capNote("; "));
        }
      }
      int more = settings.minSamples() - n;
      return Analysis.inconclusive(n, more + " more sample" + (more == 1 ? "" : "s")
          + " needed (" + n + " of " + settings.minSamples() + ")" + capNote(", "));
    }
    long span = jobs[n - 1] - jobs[0];
    if (span < settings.minJobSpan()) {
      long more = settings.minJobSpan() - span;
      return Analysis.inconclusive(n, more + " more job" + (more == 1 ? "" : "s")
          + " needed between the first and the newest sample (" + span + " of "
          + settings.minJobSpan() + ")" + capNote(", "));
    }
    List<Clusters.Candidate> candidates = candidates(n, jobs, false);
    Verdict verdict = candidates.isEmpty() ? Verdict.NO_LEAK : Verdict.LEAK;
    String note = capNote("");
    return new Analysis(verdict, Clusters.rank(candidates), n, note.isEmpty() ? null : note,
        plateaus(n, jobs, candidates));
  }

  /**
   * The application types that grew and then stayed flat, none of them a candidate: at least
   * {@value #PLATEAU_MIN_GROWTH} instances more at the end than when first judged, at that level
   * (within {@value #PLATEAU_TOLERANCE_SHARE} of the growth, or one instance) for the last quarter of
   * the samples at least. The {@value #PLATEAUS_KEPT} that grew most in bytes. JDK types are left
   * out: they grow and settle with the JVM's own work (class loading, the JIT), and the types that
   * name a cache are the user's own.
   */
  private List<Plateau> plateaus(int n, long[] jobs, List<Clusters.Candidate> candidates) {
    List<Plateau> found = new ArrayList<>();
    for (TypeSeries type : store.types()) {
      if (TypeNames.specificity(type.type) != 0 || isCandidate(type.type, candidates)) {
        continue;
      }
      int from = type.firstPresent(n);
      if (n - from < settings.minSamples()) {
        continue;
      }
      long last = type.instances[n - 1];
      long grown = last - type.instances[from];
      if (grown < PLATEAU_MIN_GROWTH) {
        continue;
      }
      long tolerance = Math.max(1, (long) (grown * PLATEAU_TOLERANCE_SHARE));
      int flatFrom = n - 1;
      while (flatFrom > from && Math.abs(type.instances[flatFrom - 1] - last) <= tolerance) {
        flatFrom--;
      }
      if (flatFrom == from || n - flatFrom < Math.max(3, (n - from) / 4)) {
        continue;
      }
      found.add(new Plateau(type.type, grown, type.bytes[n - 1] - type.bytes[from], jobs[from], jobs[flatFrom]));
    }
    OwnSort.sort(found, BY_BYTES_GROWN);
    return found.size() > PLATEAUS_KEPT ? new ArrayList<>(found.subList(0, PLATEAUS_KEPT)) : found;
  }

  private static boolean isCandidate(String type, List<Clusters.Candidate> candidates) {
    for (Clusters.Candidate c : candidates) {
      if (c.type().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The types whose series pass the rule: {@link SeriesRule#strongGrowth} if {@code strong}, else
   * the rules for a full window.
   */
  private List<Clusters.Candidate> candidates(int n, long[] jobs, boolean strong) {
    int minSamples = strong ? settings.minStrongSamples() : settings.minSamples();
    List<Clusters.Candidate> candidates = new ArrayList<>();
    for (TypeSeries type : store.types()) {
      // A type is judged from when it first appeared (zeros before that are not "no growth"), and
      // like the model, only once it has enough samples over enough jobs.
      int from = type.firstPresent(n);
      if (n - from < minSamples || jobs[n - 1] - jobs[from] < settings.minJobSpan()) {
        continue;
      }
      double instances;
      double bytes;
      if (strong) {
        instances = rule.strongGrowth(jobs, type.instances, from, n,
            settings.minInstanceGrowth(), settings.minInstancesPerJob());
        bytes = rule.strongGrowth(jobs, type.bytes, from, n,
            settings.minByteGrowth(), settings.minBytesPerJob());
      } else {
        instances = rule.sustainedGrowth(jobs, type.instances, from, n,
            settings.minInstanceGrowth(), settings.minInstancesPerJob());
        bytes = rule.sustainedGrowth(jobs, type.bytes, from, n,
            settings.minByteGrowth(), settings.minBytesPerJob());
        if (instances == 0 && bytes == 0 && !countExplainsBytes(type, jobs, from, n)) {
          // One array doubling as it fills: its bytes come in growing steps that its count (flat,
          // or drifting with other arrays of the type) does not account for.
          // Read on the bytes as they are, and on the bytes beyond the count (see bytesBeyondCount):
          // other arrays arriving with a step break the first reading, a count that jitters with
          // work in flight (a JUnit check's own JVM) blurs the second.
          bytes = Math.max(rule.steppedGrowth(jobs, type.bytes, from, n, settings.minByteGrowth()),
              rule.steppedGrowth(jobs, bytesBeyondCount(type, from, n), from, n, settings.minByteGrowth()));
          if (bytes > 0 && elementsStopped(type, jobs, from, n)) {
            bytes = 0;
          }
        }
      }
      if (instances > 0 || bytes > 0) {
        candidates.add(new Clusters.Candidate(type.type,
            rule.rate(jobs, type.instances, from, n), rule.rate(jobs, type.bytes, from, n),
            Math.max(instances, bytes), series(type, from, n)));
      }
    }
    return candidates;
  }

  /**
   * True for the table of a collection that stopped filling: an array type {@code E[]} whose element
   * class {@code E} is tracked and no longer grows in the recent half of the window. A hash table's
   * {@code Node[]} doubles as its nodes cross the load factor, the staircase {@link
   * SeriesRule#steppedGrowth} accepts until the next step is overdue; but with no more nodes there
   * is no next step. Measured: a cache of 200 soft values filled in the first 200 of 400 jobs read
   * as a leak of {@code ConcurrentHashMap$Node[]} at the end of the run. "No longer grows": in the
   * recent half at most {@link #STOPPED_SHARE} of the older half's rate (on JDK 25 the JVM's and the
   * explaining's own maps added 15 nodes over the last 180 jobs to the cache's 200 full by job 200:
   * +0.05 per job against +1.0 before). Not for {@code Object[]}
   * (an {@code ArrayList} holds any type, and {@code java.lang.Object} counts only locks).
   */
  private boolean elementsStopped(TypeSeries type, long[] jobs, int from, int n) {
    String name = type.type;
    if (!name.endsWith("[]") || name.equals("java.lang.Object[]")) {
      return false;
    }
    TypeSeries elements = store.type(name.substring(0, name.length() - 2));
    if (elements == null) {
      return false;
    }
    int first = Math.max(from, elements.firstPresent(n));
    int recent = first + (n - first) / 2;
    if (n - recent < 2) {
      return false;
    }
    double now = rule.rate(jobs, elements.instances, recent, n);
    // Rates are never negative (SeriesRule.rate), so a recent rate of 0 passes here too.
    return now <= STOPPED_SHARE * rule.rate(jobs, elements.instances, first, recent + 1);
  }

  /**
   * The type's bytes less those its count's change since {@code from} explains, at the mean size
   * then: what is left is the growth of objects that got bigger. A doubling array's steps come
   * with a flat count (the new array replaces the old); other arrays of the type that come and go
   * at the same census are not its steps. Measured on JDK 17, 400 jobs at 600/s: GrowingBuffer's
   * {@code byte[]} stepped by 4.6, 9.2 and 18.4 KB, then by 2.5 KB with 47 more arrays (the JVM's
   * and the explaining's), which broke the staircase (a step under 0.6 of the one before) and left
   * the leak {@code no-leak}.
   */
  private long[] bytesBeyondCount(TypeSeries type, int from, int n) {
    long[] out = bytesBeyondCount;
    long count0 = type.instances[from];
    double size0 = count0 > 0 ? (double) type.bytes[from] / count0 : 0;
    for (int i = from; i < n; i++) {
      out[i] = type.bytes[i] - Math.round((type.instances[i] - count0) * size0);
    }
    return out;
  }

  /** True when the type's bytes grow about as its count does: more objects, not a bigger one. */
  private boolean countExplainsBytes(TypeSeries type, long[] jobs, int from, int n) {
    long count = type.instances[n - 1];
    if (count <= 0) {
      return false;
    }
    double meanSize = (double) type.bytes[n - 1] / count;
    double bytesPerJob = rule.rate(jobs, type.bytes, from, n);
    return rule.rate(jobs, type.instances, from, n) * meanSize >= 0.5 * bytesPerJob;
  }

  private List<SeriesPoint> series(TypeSeries type, int from, int n) {
    long[] jobs = store.jobs();
    List<SeriesPoint> points = new ArrayList<>(n - from);
    for (int i = from; i < n; i++) {
      points.add(new SeriesPoint(jobs[i], type.instances[i], type.bytes[i]));
    }
    return points;
  }

  private String capNote(String separator) {
    int dropped = store.typesDropped();
    return dropped == 0 ? "" : separator + dropped + " type" + (dropped == 1 ? "" : "s")
        + " in the latest census not tracked: over maxTypes=" + settings.maxTypes();
  }

  /** Samples kept: at most {@link GrowthSettings#capacity()}. */
  public synchronized int samples() {
    return store.size();
  }

  /** Types with a series, at most {@link GrowthSettings#maxTypes()}. */
  public synchronized int typesTracked() {
    return store.types().size();
  }

  /** Types in the latest census that were not tracked because {@code maxTypes} were already. */
  public synchronized int typesDropped() {
    return store.typesDropped();
  }

  public GrowthSettings settings() {
    return settings;
  }
}
