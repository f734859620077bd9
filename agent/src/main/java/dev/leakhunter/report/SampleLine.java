package dev.leakhunter.report;

import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.List;

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
}
