package dev.leakhunter.report;

import dev.leakhunter.growth.Suspect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When one leak fills the heap at the current rate: its growth per job (the bytes per job of every
 * type growing with it, its cluster), the job rate over the recent samples, the heap's maximum and
 * what was live at the newest census. Derived from a report alone, so {@code render} and
 * {@code check} give it for reports written before it existed.
 *
 * <p>A projection, not a forecast: it assumes the rate of jobs and the growth per job go on as
 * measured, and that nothing else grows. The heap is full before the live data reaches the maximum
 * (the collector needs room to work), so the real time is somewhat shorter.
 *
 * @param cluster        the leak, as the report numbers it
 * @param bytesPerJob    the growth per job of the leak's types together
 * @param jobsPerSecond  jobs completed per second over the newer half of the samples, NaN when not known
 * @param maxHeapBytes   the heap's maximum, -1 when there is none
 * @param liveBytes      live at the newest census, -1 when no census was taken
 */
public record Exhaustion(int cluster, double bytesPerJob, double jobsPerSecond, long maxHeapBytes, long liveBytes) {

  /** One per leak, in the report's order; empty unless the verdict is leak. */
  public static List<Exhaustion> of(Report r) {
    List<Exhaustion> all = new ArrayList<>();
    if (r.verdict() != dev.leakhunter.growth.Verdict.LEAK) {
      return all;
    }
    List<Report.Sample> samples = r.samples();
    long live = samples.isEmpty() ? -1 : samples.get(samples.size() - 1).liveBytes();
    double rate = jobsPerSecond(samples);
    for (List<Report.SuspectReport> cluster : Summary.clusters(r.suspects())) {
      Suspect lead = cluster.get(0).suspect();
      all.add(new Exhaustion(lead.cluster(), Summary.bytesPerJob(cluster), rate, r.jvm().maxHeapBytes(), live));
    }
    return all;
  }

  /**
   * Jobs per second from the newest sample back to the one half-way through the list (at least the
   * one before): the current pace, not the start-up's. NaN with fewer than two samples or no time
   * or no jobs between them.
   */
  static double jobsPerSecond(List<Report.Sample> samples) {
    int n = samples.size();
    if (n < 2) {
      return Double.NaN;
    }
    Report.Sample newest = samples.get(n - 1);
    Report.Sample from = samples.get(Math.min(n / 2, n - 2));
    long ms = newest.uptimeMs() - from.uptimeMs();
    long jobs = newest.jobs() - from.jobs();
    return ms <= 0 || jobs <= 0 ? Double.NaN : jobs * 1000.0 / ms;
  }

  /** Heap left before the live data reaches the maximum; -1 when there is no maximum or no census. */
  public long remainingBytes() {
    return maxHeapBytes < 0 || liveBytes < 0 ? -1 : Math.max(0, maxHeapBytes - liveBytes);
  }

  /** Jobs until the remaining heap is filled, NaN when no projection is possible. */
  public double jobs() {
    long remaining = remainingBytes();
    return remaining < 0 || !(bytesPerJob > 0) ? Double.NaN : remaining / bytesPerJob;
  }

  /** Seconds until then at the current job rate, NaN when the rate or the jobs are not known. */
  public double seconds() {
    double jobs = jobs();
    return Double.isNaN(jobs) || !(jobsPerSecond > 0) ? Double.NaN : jobs / jobsPerSecond;
  }

  /**
   * {@code at 310 jobs/s this leak fills the remaining 210.0 MB of heap in about 18 h (~20 million
   * jobs)}, or what stands in the way of a projection.
   */
  public String sentence() {
    if (maxHeapBytes < 0) {
      return "no projection: the heap has no maximum";
    }
    if (liveBytes < 0) {
      return "no projection: no census yet";
    }
    if (!(bytesPerJob > 0)) {
      return "no projection: the leak's types do not grow in bytes";
    }
    if (remainingBytes() == 0) {
      return "the heap is full: " + Units.bytes(liveBytes) + " live of its " + Units.bytes(maxHeapBytes) + " maximum";
    }
    String fills = "this leak fills the remaining " + Units.bytes(remainingBytes()) + " of heap";
    double seconds = seconds();
    if (Double.isNaN(seconds)) {
      return fills + " in " + approxJobs(jobs()) + " (the job rate is not known yet)";
    }
    return "at " + rate(jobsPerSecond) + " jobs/s " + fills + " in about " + duration(seconds)
        + " (" + approxJobs(jobs()) + ")";
  }

  /**
   * The same per million jobs, for a test whose job rate says nothing of production's: {@code +16.0
   * MB per million jobs: the remaining 3.9 GB of heap lasts ~250 million jobs}.
   */
  public String perMillionJobs() {
    String per = Units.signedBytes(bytesPerJob * 1e6) + " per million jobs";
    double jobs = jobs();
    return Double.isNaN(jobs) ? per + (maxHeapBytes < 0 ? " (the heap has no maximum)" : "")
        : per + ": the remaining " + Units.bytes(remainingBytes()) + " of heap lasts " + approxJobs(jobs);
  }

  private static String rate(double perSecond) {
    return perSecond >= 10 ? Units.count(Math.round(perSecond)) : String.format(Locale.ROOT, "%.1f", perSecond);
  }

  /** {@code ~850 jobs}, {@code ~12 thousand jobs}, {@code ~20 million jobs}. */
  static String approxJobs(double jobs) {
    if (jobs < 1_000) {
      return "~" + Math.round(jobs) + " jobs";
    }
    String[] words = {"thousand", "million", "billion"};
    double v = jobs / 1_000;
    int w = 0;
    while (v >= 1_000 && w < words.length - 1) {
      v /= 1_000;
      w++;
    }
    return "~" + twoDigits(v) + " " + words[w] + " jobs";
  }

  /** {@code 40 s}, {@code 12 min}, {@code 3.5 h}, {@code 18 h}, {@code 4.2 days}. */
  static String duration(double seconds) {
    if (seconds < 90) {
      return Math.max(1, Math.round(seconds)) + " s";
    }
    if (seconds < 90 * 60) {
      return Math.round(seconds / 60) + " min";
    }
    if (seconds < 48 * 3600) {
      return twoDigits(seconds / 3600) + " h";
    }
    return twoDigits(seconds / 86_400) + " days";
  }

  /** One decimal under 10, none above: the inputs are not known better than that. */
  private static String twoDigits(double v) {
    return v < 10 ? String.format(Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v));
  }
}
