package dev.leakhunter.hunt;

import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.allocation.Site;
import dev.leakhunter.growth.Plateau;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.report.Report;
import dev.leakhunter.retention.Explanation;
import dev.leakhunter.retention.Holding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hunt's report, built the same way by both front doors: the header (tool, JVM, options), the
 * verdict, and each suspect with its roots from a walk and its allocation sites where they are
 * followed, its leak split by independent roots ({@link RootSplit}). Which suspects, which walk
 * and which note stay with the caller: the agent adds the walk's and the schedule's notes, the
 * JUnit API moves the suspects within the allowance to the note.
 */
public final class ReportBuilder {
  private final Report.Tool tool;
  private final Report.Jvm jvm;
  private final Map<String, String> options;
  private final AllocationTracking allocations;

  /**
   * @param options     the settings as the user gave them, in a stable order
   * @param allocations where the suspects' sites are followed, or null when they are not
   */
  public ReportBuilder(String version, Report.Jvm jvm, Map<String, String> options, AllocationTracking allocations) {
    this.tool = new Report.Tool("leakhunter", version);
    this.jvm = jvm;
    this.options = options;
    this.allocations = allocations;
  }

  /**
   * @param suspects  ranked, as the model's analysis has them
   * @param note      see {@link Report#note()}, or null
   * @param explained the walk whose roots go with the suspects, or null when there is none
   */
  public Report report(Report.Jobs jobs, List<Report.Sample> samples, Verdict verdict, List<Suspect> suspects,
                       String note, Explanation explained) {
    return report(jobs, samples, verdict, suspects, note, explained, List.of());
  }

  /** The same, with the types that grew and then stayed flat ({@link Report#plateaued()}). */
  public Report report(Report.Jobs jobs, List<Report.Sample> samples, Verdict verdict, List<Suspect> suspects,
                       String note, Explanation explained, List<Plateau> plateaued) {
    List<Report.SuspectReport> explainedSuspects = new ArrayList<>(suspects.size());
    for (Suspect s : suspects) {
      explainedSuspects.add(new Report.SuspectReport(s, roots(explained, s.type()), sites(s.type())));
    }
    return new Report(Report.SCHEMA, tool, jvm, options, jobs, samples, verdict, note,
        RootSplit.split(explainedSuspects), null, plateaued);
  }

  /** The sites of {@code type} as they are now; empty when it is not followed. */
  public List<Report.AllocationSite> sites(String type) {
    if (allocations == null) {
      return List.of();
    }
    List<Report.AllocationSite> sites = new ArrayList<>();
    for (Site site : allocations.sites(type)) {
      sites.add(new Report.AllocationSite(site.frames(), site.survivors()));
    }
    return sites;
  }

  /** The roots of {@code type} in {@code explained}; empty when there is none. */
  public static List<Report.Root> roots(Explanation explained, String type) {
    List<Report.Root> roots = new ArrayList<>();
    if (explained != null) {
      for (Holding h : explained.of(type)) {
        roots.add(new Report.Root(h.root(), h.path(), h.bytesPerJob(), h.bytes()));
      }
    }
    return roots;
  }

  /** Two parts of a report's note, either of which may be null. */
  public static String joinNotes(String a, String b) {
    return a == null ? b : b == null ? a : a + "; " + b;
  }
}
