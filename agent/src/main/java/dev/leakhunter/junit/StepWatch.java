package dev.leakhunter.junit;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import dev.leakhunter.growth.GrowthSettings;
import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Staircase;
import dev.leakhunter.growth.Suspect;
import java.util.ArrayList;
import java.util.List;

/**
 * The first window's suspects whose bytes grew beyond their count, followed from the first
 * window's baseline through the second and beyond: one buffer doubling as it fills (a
 * {@code StringBuilder} appended to per job) rises in steps whose spacing doubles, so a second
 * window as long as the first may hold none of them. The check then runs on while such a buffer's
 * staircase still holds and its next step is not yet overdue ({@link #waiting()}): the step comes
 * (a leak, {@link #confirmed()}) or it does not (not a leak).
 *
 * <p>Its storage is taken when it is made, before the second window's baseline census, so it adds
 * nothing to what that window measures.
 */
final class StepWatch {
  /** Samples kept per series; beyond, every other one is dropped (the first is kept). */
  static final int CAPACITY = 128;
  /** As the model's stepped rule: the next step is overdue past 3 times the last spacing (about 2 due). */
  static final int OVERDUE = 3;

  private final Suspect[] watched;
  private final long secondFrom;
  private final Staircase staircase;
  private final long[] jobs = new long[CAPACITY];
  private final long[][] bytes;
  private final long[][] instances;
  // What the explainer's first walk and advice left at the second window's baseline, per type:
  // taken off every later census, so that one-off is not read as a step.
  private final long[] offset;
  // Per type, the first window's newest step: its height, where it came, and the jobs since the
  // step before it. A doubling buffer's next step is about twice as high, twice as far on.
  private final long[] stepHeight;
  private final long[] stepAt;
  private final long[] stepSpacing;
  private int n;

  private StepWatch(List<Suspect> watched, long secondFrom, GrowthSettings settings) {
    this.watched = watched.toArray(new Suspect[0]);
    this.secondFrom = secondFrom;
    this.staircase = new Staircase(CAPACITY, settings);
    this.bytes = new long[this.watched.length][CAPACITY];
    this.instances = new long[this.watched.length][CAPACITY];
    this.offset = new long[this.watched.length];
    this.stepHeight = new long[this.watched.length];
    this.stepAt = new long[this.watched.length];
    this.stepSpacing = new long[this.watched.length];
    // Every suspect's series covers the whole first window (a type is judged from when it first
    // appeared, and the model needs most of the window): the shortest one sets the job counts.
    int shortest = Integer.MAX_VALUE;
    for (Suspect s : this.watched) {
      shortest = Math.min(shortest, s.series().size());
    }
    n = Math.min(shortest, CAPACITY / 2);
    for (int t = 0; t < this.watched.length; t++) {
      List<SeriesPoint> series = this.watched[t].series();
      for (int i = 0; i < n; i++) {
        SeriesPoint p = series.get(series.size() - n + i);
        jobs[i] = p.jobs();
        bytes[t][i] = p.bytes();
        instances[t][i] = p.instances();
      }
      newestSteps(t);
    }
  }

  /** The first window's newest step of type {@code t} and the spacing from the one before. */
  private void newestSteps(int t) {
    Staircase.Step step = staircase.newest(jobs, bytes[t], n);
    if (step != null) {
      stepHeight[t] = step.height();
      stepAt[t] = step.atJobs();
      stepSpacing[t] = step.spacing();
    }
  }

  /**
   * A watch on the first window's suspects whose bytes grew beyond what their count explains, or
   * null when there are none.
   *
   * @param secondFrom the job count of the second window's baseline: the first window's last
   */
  static StepWatch of(List<Suspect> firstSuspects, long secondFrom, GrowthSettings settings) {
    List<Suspect> bytesOnly = new ArrayList<>();
    for (Suspect s : firstSuspects) {
      if (s.series().size() >= 2 && grewBeyondCount(s)) {
        bytesOnly.add(s);
      }
    }
    return bytesOnly.isEmpty() ? null : new StepWatch(bytesOnly, secondFrom, settings);
  }

  /**
   * Count flat, or its growth at the type's mean size under a quarter of the bytes' growth: one
   * buffer filling, beside a few arrays of its type that come and go. Measured: a static
   * {@code StringBuilder} in a JUnit check's own JVM passed 2 of 15 runs on a loaded machine
   * ("grew in only one of" the windows); on such a machine 1 of 20 first windows read its
   * {@code byte[]} count rising (+0.0035/job against +21 bytes/job), which left it unwatched.
   */
  static boolean grewBeyondCount(Suspect s) {
    if (s.instancesPerJob() == 0) {
      return true;
    }
    SeriesPoint last = s.series().get(s.series().size() - 1);
    double meanSize = last.instances() > 0 ? (double) last.bytes() / last.instances() : 0;
    return s.instancesPerJob() * meanSize < s.bytesPerJob() / 4;
  }

  /** One census of the host's objects, at {@code jobsDone}. */
  void add(long jobsDone, Histogram hostObjects) {
    boolean again = n > 0 && jobs[n - 1] == jobsDone;
    if (!again && n == CAPACITY) {
      thin();
    }
    int slot = again ? n - 1 : n;
    for (int t = 0; t < watched.length; t++) {
      long b = 0;
      long c = 0;
      for (HistogramRow row : hostObjects.rows()) {
        if (row.type().equals(watched[t].type())) {
          b = row.bytes();
          c = row.instances();
          break;
        }
      }
      if (again) {
        offset[t] = b - bytes[t][slot]; // the same job count, after the explainer's first walk
      } else {
        bytes[t][slot] = b - offset[t];
        instances[t][slot] = c;
      }
    }
    jobs[slot] = jobsDone;
    if (!again) {
      n++;
    }
  }

  private void thin() {
    for (int from = 0, to = 0; from < n; from += 2, to++) {
      jobs[to] = jobs[from];
      for (int t = 0; t < watched.length; t++) {
        bytes[t][to] = bytes[t][from];
        instances[t][to] = instances[t][from];
      }
    }
    n = (n + 1) / 2;
  }

  /** True while a watched type has not stepped since the first window and its next step is not overdue. */
  boolean waiting() {
    for (int t = 0; t < watched.length; t++) {
      if (isWaiting(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The watched types that stepped again since the first window, by at least the first window's
   * newest step (a doubling buffer's next one is twice that), and still read as one buffer doubling
   * as it fills over the whole run.
   */
  List<Suspect> confirmed() {
    List<Suspect> confirmed = new ArrayList<>();
    for (int t = 0; t < watched.length; t++) {
      double confidence = steppedSinceFirstWindow(t) ? staircase.confidence(jobs, bytes[t], n) : 0;
      if (confidence > 0) {
        List<SeriesPoint> series = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          series.add(new SeriesPoint(jobs[i], instances[t][i], bytes[t][i]));
        }
        Suspect s = watched[t];
        confirmed.add(new Suspect(s.type(), 0, staircase.perJob(jobs, bytes[t], n), confidence, s.cluster(), series));
      }
    }
    return confirmed;
  }

  /** The watched types still waiting for a step. */
  List<String> stillWaiting() {
    List<String> types = new ArrayList<>();
    for (int t = 0; t < watched.length; t++) {
      if (isWaiting(t)) {
        types.add(watched[t].type());
      }
    }
    return types;
  }

  /**
   * Not stepped yet, and within {@value #OVERDUE} times the spacing of the first window's two
   * newest steps since the newest (the next comes at about twice that spacing). A type whose first
   * window showed fewer than two steps is not waited for.
   */
  private boolean isWaiting(int t) {
    return stepSpacing[t] > 0 && !steppedSinceFirstWindow(t) && jobs[n - 1] - stepAt[t] <= OVERDUE * stepSpacing[t];
  }

  /**
   * The newest two censuses (one may be a job in flight's spike) stand above the first window's
   * last by at least its newest step: a rise of a few KB of other arrays is not the buffer's step.
   */
  private boolean steppedSinceFirstWindow(int t) {
    int base = -1;
    for (int i = 0; i < n && jobs[i] <= secondFrom; i++) {
      base = i;
    }
    if (base < 0 || n - 2 <= base) {
      return false;
    }
    long now = Math.min(bytes[t][n - 1], bytes[t][n - 2]);
    return now - bytes[t][base] >= Math.max(staircase.minGrowth(), stepHeight[t]);
  }
}
