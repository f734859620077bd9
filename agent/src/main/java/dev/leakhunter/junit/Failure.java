package dev.leakhunter.junit;

import dev.leakhunter.growth.GrowthSettings;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.report.Exhaustion;
import dev.leakhunter.report.Report;
import dev.leakhunter.report.TextReport;
import java.util.List;
import java.util.Locale;

/**
 * The message of a failed check: one line a CI summary can show (the lead suspect and its rate,
 * or what an inconclusive run lacks), then the text report.
 *
 * <p>An inconclusive run fails rather than passes: a leak test that passes because it measured too
 * little would keep passing while the leak ships.
 */
final class Failure {
  private Failure() {
  }

  /** The failure message, or null when the report's verdict passes. */
  static String message(Report r, LeakCheck check) {
    switch (r.verdict()) {
      case NO_LEAK:
        return null;
      case LEAK:
        return leakLine(r, check) + runsOut(r) + "\n\n" + TextReport.render(r);
      case INCONCLUSIVE:
      default:
        return inconclusiveLine(r, check) + "\n\n" + TextReport.render(r);
    }
  }

  private static String leakLine(Report r, LeakCheck check) {
    if (r.suspects().isEmpty()) {
      return "leakhunter: leak, but no suspect type is listed";
    }
    Report.SuspectReport first = r.suspects().get(0);
    Suspect lead = first.suspect();
    int others = r.suspects().size() - 1;
    // What a CI summary shows: the type, and where it is held and made when known.
    String held = first.roots().isEmpty() ? "" : ", held by " + first.roots().get(0).root();
    String made = first.allocationSites().isEmpty() || first.allocationSites().get(0).frames().isEmpty() ? ""
        : ", allocated at " + first.allocationSites().get(0).frames().get(0);
    // The second window runs on for a buffer that doubles as it fills (Hunt): say how far.
    long planned = check.warmup() + 2L * check.jobs();
    String ranOn = r.jobs().completed() > planned ? " (the second run on to job " + r.jobs().completed()
        + " for the next step of a doubling buffer)" : "";
    return String.format(Locale.ROOT, "leakhunter: %s keeps growing: %+.3f instances/job, %+.1f bytes/job,"
        + " in two windows of %d jobs%s%s%s%s", lead.type(), lead.instancesPerJob(), lead.bytesPerJob(), check.jobs(),
        ranOn, held, made, others == 0 ? "" : " (and " + others + " more growing type" + (others == 1 ? "" : "s") + ")");
  }

  /** What the lead leak costs per million jobs, and how many the heap's remaining room lasts. */
  private static String runsOut(Report r) {
    List<Exhaustion> leaks = Exhaustion.of(r);
    return leaks.isEmpty() ? "" : "\nleakhunter: the leak grows " + leaks.get(0).perMillionJobs();
  }

  private static String inconclusiveLine(Report r, LeakCheck check) {
    GrowthSettings model = GrowthSettings.defaults();
    int minSamples = model.minSamples() - 1; // the baseline census is the model's first sample
    long minJobs = model.minJobSpan();
    StringBuilder need = new StringBuilder();
    if (check.samples() < minSamples) {
      need.append("samples >= ").append(minSamples).append(" (have ").append(check.samples()).append(')');
    }
    if (check.jobs() < minJobs) {
      if (need.length() > 0) {
        need.append(" and ");
      }
      need.append("jobs >= ").append(minJobs).append(" (have ").append(check.jobs()).append(", ")
          .append(minJobs - check.jobs()).append(" more)");
    }
    return "leakhunter: inconclusive, so failed: " + (r.note() == null ? "too few censuses or jobs" : r.note())
        + (need.length() == 0 ? "" : "; set " + need);
  }
}
