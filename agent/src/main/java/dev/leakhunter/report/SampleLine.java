package dev.leakhunter.report;

import dev.leakhunter.common.OwnSort;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one log line printed per sample, in the manner of {@code mrq-worker --trace_memory}:
 * <pre>
 * jobs=120 live=14.2 MB objects=181,204 census=18 ms verdict=leak | +1.00/job dev.acme.Order (+88 B/job), +1.00/job byte[] (+1.2 KB/job)
 * </pre>
 * Always exactly one line, so it can be grepped and follows the host's log format whatever a name holds.
 */
public final class SampleLine {
  /** More would not fit one line; the report has them all. */
  static final int TOP = 3;
  private static final Comparator<Map.Entry<String, Long>> MOST_GROWN_FIRST = (a, b) -> {
    int grown = Long.compare(b.getValue(), a.getValue());
    return grown != 0 ? grown : a.getKey().compareTo(b.getKey());
  };

  private SampleLine() {
  }

  /**
   * @param sample   the census just taken
   * @param verdict  the growth model's verdict after it
   * @param suspects ranked, as {@link dev.leakhunter.growth.Analysis#suspects()}; only the first {@value #TOP}
   *                 are named
   */
  public static String format(Report.Sample sample, Verdict verdict, List<Suspect> suspects) {
    StringBuilder sb = new StringBuilder("jobs=").append(sample.jobs())
        .append(" live=").append(Units.bytes(sample.liveBytes()))
        .append(" objects=").append(Units.count(sample.liveObjects()))
        .append(" census=").append(sample.censusMs()).append(" ms")
        .append(" verdict=").append(verdict.json())
        .append(" | ");
    if (suspects.isEmpty()) {
      // "yet": an inconclusive verdict has not looked long enough to say nothing grows.
      return sb.append(verdict == Verdict.INCONCLUSIVE ? "nothing grows yet" : "nothing grows").toString();
    }
    for (int i = 0; i < Math.min(TOP, suspects.size()); i++) {
      Suspect s = suspects.get(i);
      sb.append(i == 0 ? "" : ", ").append(Units.perJob(s.instancesPerJob())).append("/job ")
          .append(Units.plain(s.type())).append(" (").append(Units.signedBytes(s.bytesPerJob())).append("/job)");
    }
    if (suspects.size() > TOP) {
      sb.append(" and ").append(suspects.size() - TOP).append(" more");
    }
    return sb.toString();
  }

  /** Types named at most in a per-job line ({@code every=1}). */
  static final int TOP_GROWN = 5;

  /**
   * The per-job line of {@code every=1}, in the manner of {@code mrq-worker --trace_memory}: the
   * types whose live count rose between two censuses, most first:
   * <pre>
   * jobs 121-122: +1 dev.acme.Order, +6 dev.acme.LineItem, +7 java.lang.String and 2 more types
   * </pre>
   * The sampler is asynchronous: a census follows every job only when jobs are slower than a
   * census, so the line names the jobs it covers, {@code job 122} or {@code jobs 121-122}, and
   * says when jobs were in flight (their objects are counted, though not yet theirs to keep).
   *
   * @param previousJobs jobs completed at the previous census; the line covers the jobs after it
   * @param jobs         jobs completed at this census
   * @param inFlight     jobs in flight at this census
   * @param before       live instances per type at the previous census
   * @param after        live instances per type at this census
   */
  public static String jobs(long previousJobs, long jobs, long inFlight, Map<String, Long> before,
                            Map<String, Long> after) {
    List<Map.Entry<String, Long>> grown = new ArrayList<>();
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      if (delta > 0) {
        grown.add(Map.entry(e.getKey(), delta));
      }
    }
    OwnSort.sort(grown, MOST_GROWN_FIRST);
    StringBuilder sb = new StringBuilder();
    sb.append(jobs - previousJobs == 1 ? "job " + jobs : "jobs " + (previousJobs + 1) + "-" + jobs);
    if (inFlight > 0) {
      sb.append(" (").append(inFlight).append(" in flight)");
    }
    sb.append(": ");
    if (grown.isEmpty()) {
      return sb.append("nothing grew").toString();
    }
    for (int i = 0; i < Math.min(TOP_GROWN, grown.size()); i++) {
      sb.append(i == 0 ? "" : ", ").append('+').append(grown.get(i).getValue()).append(' ')
          .append(Units.plain(grown.get(i).getKey()));
    }
    if (grown.size() > TOP_GROWN) {
      sb.append(" and ").append(grown.size() - TOP_GROWN).append(" more type").append(grown.size() - TOP_GROWN == 1 ? "" : "s");
    }
    return sb.toString();
  }
}
