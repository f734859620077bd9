package dev.leakhunter.publish;

import dev.leakhunter.report.Report;
import java.util.List;
import java.util.function.Supplier;

/** The suspect at one rank of the report as of now (see {@link LeakSuspectMBean}). */
final class SuspectSlot implements LeakSuspectMBean {
  private final int rank;
  private final Supplier<Report> current;

  /** @param rank from 1 */
  SuspectSlot(int rank, Supplier<Report> current) {
    this.rank = rank;
    this.current = current;
  }

  /** The suspect at this rank, or null when the report has fewer. */
  private Report.SuspectReport suspect() {
    List<Report.SuspectReport> suspects = current.get().suspects();
    return rank <= suspects.size() ? suspects.get(rank - 1) : null;
  }

  @Override
  public String getType() {
    Report.SuspectReport s = suspect();
    return s == null ? "" : s.suspect().type();
  }

  @Override
  public int getCluster() {
    Report.SuspectReport s = suspect();
    return s == null ? 0 : s.suspect().cluster();
  }

  @Override
  public double getInstancesPerJob() {
    Report.SuspectReport s = suspect();
    return s == null ? 0 : s.suspect().instancesPerJob();
  }

  @Override
  public double getBytesPerJob() {
    Report.SuspectReport s = suspect();
    return s == null ? 0 : s.suspect().bytesPerJob();
  }

  @Override
  public double getConfidence() {
    Report.SuspectReport s = suspect();
    return s == null ? 0 : s.suspect().confidence();
  }

  @Override
  public String getRoot() {
    Report.SuspectReport s = suspect();
    return s == null || s.roots().isEmpty() ? "" : s.roots().get(0).root();
  }
}
