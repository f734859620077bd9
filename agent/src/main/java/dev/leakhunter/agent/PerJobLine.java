package dev.leakhunter.agent;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import dev.leakhunter.report.SampleLine;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code every=1}: after each census, a log line with the types that grew since the previous one,
 * in the jobs it covers ({@link SampleLine#jobs}).
 */
final class PerJobLine {
  private final AgentLog log;
  // Live instances per type at the previous census.
  private Map<String, Long> previousCounts;
  private long previousJobs;

  PerJobLine(AgentLog log) {
    this.log = log;
  }

  void after(Histogram histogram, long jobs, long inFlight) {
    Map<String, Long> counts = new HashMap<>();
    for (HistogramRow r : histogram.rows()) {
      Long before = counts.get(r.type());
      counts.put(r.type(), before == null ? r.instances() : before + r.instances());
    }
    if (previousCounts != null) {
      log.info(SampleLine.jobs(previousJobs, jobs, inFlight, previousCounts, counts));
    }
    previousCounts = counts;
    previousJobs = jobs;
  }
}
