package dev.leakhunter.publish;

import javax.management.openmbean.TabularData;

/**
 * The hunt as the MBean {@code dev.leakhunter:type=LeakHunter}: what a JMX console shows and what
 * the Prometheus JMX exporter or the OpenTelemetry Java agent turn into metrics (docs/fleet.md).
 * Every attribute is a JDK type (the suspects an open {@code TabularData} indexed by type, which
 * the exporters turn into one labelled series per suspect), so any JMX client reads it without
 * leakhunter's classes. A standard MBean, not an MXBean: an MXBean would map a {@code TabularData}
 * by its getters, and the exporters would see no rows.
 */
public interface LeakHunterMBean {
  /** {@code leak}, {@code no-leak} or {@code inconclusive}, as of the newest census. */
  String getVerdict();

  /** 1 when the verdict is leak, else 0: a gauge to alert on. */
  int getLeaking();

  long getJobsCompleted();

  /** Censuses the report lists. */
  int getSamples();

  /** What the hunt has cost, as a share of the wall time since the agent started, in percent. */
  double getOverheadPercent();

  /**
   * The top suspects (at most {@value JmxPublisher#TOP}), one row each, indexed by {@code type}:
   * {@code cluster}, {@code instancesPerJob}, {@code bytesPerJob}, {@code confidence}, {@code root}
   * (empty until known).
   */
  TabularData getSuspects();

  /** Writes the report in its configured formats now; the paths written, one per line. */
  String writeReport();
}
