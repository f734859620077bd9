package dev.leakhunter.report;

import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The one screen a user reads: {@code leakhunter-report.txt}, what {@code scripts/demo.sh} prints and what a
 * failing CI leak test shows. Leads with the verdict, then per leak the type that grows most, who holds it
 * and where it was allocated, then a table of every suspect and the samples' span.
 *
 * <p>Plain ASCII apart from the names themselves, because CI logs and consoles are not reliably UTF-8.
 */
public final class TextReport {
  /** Beyond these, the JSON and HTML reports have the rest; the screen stays one screen. */
  static final int MAX_ROOTS = 3;
  static final int MAX_SITES = 3;
  static final int MAX_FRAMES = 3;

  private TextReport() {
  }

  public static String render(Report r) {
    StringBuilder out = new StringBuilder();
    header(out, r);
    List<List<Report.SuspectReport>> clusters = Summary.clusters(r.suspects());
    for (List<Report.SuspectReport> cluster : clusters) {
      out.append('\n');
      cluster(out, r, cluster);
    }
    if (!r.suspects().isEmpty()) {
      out.append('\n');
      table(out, r);
    }
    out.append('\n');
    samples(out, r.samples());
    return out.toString();
  }

  private static void header(StringBuilder out, Report r) {
    Report.Jvm jvm = r.jvm();
    out.append(Units.plain(r.tool().name())).append(' ').append(Units.plain(r.tool().version()))
        .append(": pid ").append(jvm.pid())
        .append(", JDK ").append(Units.plain(jvm.version()))
        .append(", gc ").append(Units.plain(jvm.gc()))
        .append(", max heap ").append(jvm.maxHeapBytes() < 0 ? "unlimited" : Units.bytes(jvm.maxHeapBytes()))
        .append('\n');
    Report.Jobs jobs = r.jobs();
    out.append("jobs:    ").append(Units.count(jobs.completed())).append(" completed (warm-up ")
        .append(Units.count(jobs.warmup())).append("), ").append(Units.count(jobs.inFlight())).append(" in flight\n");
    out.append("samples: ").append(r.samples().size());
    if (!r.samples().isEmpty()) {
      out.append(" (job ").append(Units.count(r.samples().get(0).jobs())).append(" to job ")
          .append(Units.count(r.samples().get(r.samples().size() - 1).jobs())).append(')');
    }
    out.append('\n');
    if (r.cost() != null) {
      out.append("cost:    ").append(Summary.cost(r.cost())).append('\n');
    }
    out.append("verdict: ").append(Summary.verdict(r)).append(" - ").append(Summary.meaning(r)).append('\n');
    if (r.note() != null) {
      out.append("         ").append(Units.plain(r.note())).append('\n');
    }
    for (String line : Summary.runsOut(r)) {
      out.append("runs out: ").append(Units.plain(line)).append('\n');
    }
  }

  private static void cluster(StringBuilder out, Report r, List<Report.SuspectReport> cluster) {
    Report.SuspectReport lead = cluster.get(0);
    Suspect s = lead.suspect();
    out.append(Summary.clusterWord(r.verdict())).append(' ').append(s.cluster()).append(": ")
        .append(Units.plain(s.type())).append("  ").append(Summary.headline(cluster)).append('\n');
    String itself = Summary.itself(cluster);
    if (itself != null) {
      out.append("  ").append(Units.plain(itself)).append('\n');
    }
    if (cluster.size() > 1) {
      out.append("  growing with it:\n");
      // The application's own types by name; the JDK's (strings, arrays, maps: what any leak
      // holds) folded into one line when there are several, the full list in the JSON and HTML.
      List<Report.SuspectReport> shown = new ArrayList<>();
      List<Report.SuspectReport> jdk = new ArrayList<>();
      for (Report.SuspectReport other : cluster.subList(1, cluster.size())) {
        (jdkType(other.suspect().type()) ? jdk : shown).add(other);
      }
      if (jdk.size() < FOLD_JDK_TYPES) {
        shown.addAll(jdk);
        jdk.clear();
      }
      int width = 0;
      for (Report.SuspectReport other : shown) {
        width = Math.max(width, Units.plain(other.suspect().type()).length());
      }
      for (Report.SuspectReport other : shown) {
        out.append("    ").append(pad(Units.plain(other.suspect().type()), width)).append("  ")
            .append(rates(other.suspect())).append('\n');
      }
      if (!jdk.isEmpty()) {
        out.append("    ").append(jdkLine(jdk)).append('\n');
      }
    }
    roots(out, lead.roots(), cluster);
    sites(out, lead.suspect().type(), lead.allocationSites());
  }

  /** From this many JDK types growing with a leak, they are one line. */
  static final int FOLD_JDK_TYPES = 3;

  /** {@code 4 JDK types  +160 B/job in all  (byte[], java.lang.String, java.util.ArrayList, ...)} */
  private static String jdkLine(List<Report.SuspectReport> jdk) {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < Math.min(3, jdk.size()); i++) {
      names.append(i == 0 ? "" : ", ").append(Units.plain(jdk.get(i).suspect().type()));
    }
    return jdk.size() + " JDK types  " + Units.signedBytes(Summary.bytesPerJob(jdk)) + "/job in all  (" + names
        + (jdk.size() > 3 ? ", ..." : "") + ")";
  }

  /** Arrays and the JDK's classes, whose constructors the agent does not follow. */
  static boolean jdkType(String type) {
    return type.endsWith("[]") || type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
        || type.startsWith("sun.") || type.startsWith("com.sun.");
  }

  /** {@code +1.00 instances/job  +88 B/job  (confidence 0.99)} */
  static String rates(Suspect s) {
    return Units.perJob(s.instancesPerJob()) + " instances/job  " + Units.signedBytes(s.bytesPerJob())
        + "/job  (confidence " + Units.confidence(s.confidence()) + ")";
  }

  /**
   * @param cluster the leak whose types are added up under each root ({@link Summary#rootFigures})
   */
  private static void roots(StringBuilder out, List<Report.Root> roots, List<Report.SuspectReport> cluster) {
    if (roots.isEmpty()) {
      out.append("  (roots not yet known)\n");
      return;
    }
    // Once a root is seen growing, roots that hold a flat share of the type are beside the point.
    List<Report.Root> growing = new ArrayList<>();
    for (Report.Root r : roots) {
      if (r.bytesPerJob() > 0) {
        growing.add(r);
      }
    }
    List<Report.Root> shown = growing.isEmpty() ? roots : growing;
    for (Report.Root root : shown.subList(0, Math.min(MAX_ROOTS, shown.size()))) {
      out.append("  held by ").append(Units.plain(root.root()));
      if (!root.path().isEmpty()) {
        out.append(" via ").append(path(root.path()));
      }
      out.append("  (").append(Summary.rootFigures(root, cluster)).append(")\n");
    }
    more(out, shown.size() - MAX_ROOTS, "root");
  }

  static String path(List<String> path) {
    List<String> plain = new ArrayList<>(path.size());
    for (String step : path) {
      plain.add(Units.plain(step));
    }
    return String.join(" -> ", plain);
  }

  private static void sites(StringBuilder out, String type, List<Report.AllocationSite> sites) {
    if (sites.isEmpty()) {
      out.append(jdkType(type) ? "  (allocation sites are followed for application classes only)\n"
          : "  (allocation sites not yet known)\n");
      return;
    }
    for (Report.AllocationSite site : sites.subList(0, Math.min(MAX_SITES, sites.size()))) {
      List<String> frames = site.frames();
      out.append("  allocated at ").append(frames.isEmpty() ? "(no frames)" : Units.plain(frames.get(0)))
          .append("  (").append(Summary.plural(site.survivors(), "survivor")).append(")\n");
      for (int i = 1; i < Math.min(MAX_FRAMES, frames.size()); i++) {
        out.append("          from ").append(Units.plain(frames.get(i))).append('\n');
      }
      if (frames.size() > MAX_FRAMES) {
        out.append("          ... ").append(Summary.plural(frames.size() - MAX_FRAMES, "more frame")).append('\n');
      }
    }
    more(out, sites.size() - MAX_SITES, "allocation site");
  }

  private static void more(StringBuilder out, int more, String what) {
    if (more > 0) {
      out.append("  ... and ").append(Summary.plural(more, "more " + what))
          .append(" in leakhunter-report.json / .html\n");
    }
  }

  private static void table(StringBuilder out, Report r) {
    List<Report.SuspectReport> suspects = r.suspects();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"#", "type", "inst/job", "bytes/job", "live now", "live bytes", "confidence"});
    for (Report.SuspectReport sr : suspects) {
      Suspect s = sr.suspect();
      SeriesPoint last = Summary.last(sr);
      rows.add(new String[] {
          String.valueOf(s.cluster()),
          Units.plain(s.type()),
          Units.perJob(s.instancesPerJob()),
          Units.signedBytes(s.bytesPerJob()),
          last == null ? "-" : Units.count(last.instances()),
          last == null ? "" : Units.bytes(last.bytes()),
          Units.confidence(s.confidence())});
    }
    // Text columns left-aligned, numbers right-aligned so their decimal points line up.
    boolean[] right = {false, false, true, true, true, true, true};
    int[] width = new int[right.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    out.append("All suspects (# = ").append(r.verdict() == Verdict.LEAK ? "leak" : "group").append(")\n");
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          line.append("  ");
        }
        line.append(right[c] ? padLeft(row[c], width[c]) : pad(row[c], width[c]));
      }
      out.append(stripTrailing(line)).append('\n');
    }
  }

  private static void samples(StringBuilder out, List<Report.Sample> samples) {
    if (samples.isEmpty()) {
      out.append("Samples: none yet\n");
      return;
    }
    out.append(samples.size() == 1 ? "Samples:\n" : "Samples: first and last of " + samples.size() + "\n");
    Report.Sample first = samples.get(0);
    Report.Sample last = samples.get(samples.size() - 1);
    String[] a = sampleCells(first);
    String[] b = sampleCells(last);
    int[] width = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      width[i] = Math.max(a[i].length(), b[i].length());
    }
    sampleLine(out, samples.size() == 1 ? "only " : "first", a, width);
    if (samples.size() > 1) {
      sampleLine(out, "last ", b, width);
    }
  }

  private static String[] sampleCells(Report.Sample s) {
    return new String[] {Units.count(s.jobs()), Units.bytes(s.liveBytes()), Units.count(s.censusMs())};
  }

  private static void sampleLine(StringBuilder out, String label, String[] cells, int[] width) {
    out.append("  ").append(label)
        .append("  job ").append(padLeft(cells[0], width[0]))
        .append("  live heap ").append(padLeft(cells[1], width[1]))
        .append("  census ").append(padLeft(cells[2], width[2])).append(" ms\n");
  }

  private static String pad(String s, int width) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < width) {
      sb.append(' ');
    }
    return sb.toString();
  }

  private static String padLeft(String s, int width) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() + s.length() < width) {
      sb.append(' ');
    }
    return sb.append(s).toString();
  }

  private static String stripTrailing(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    return sb.substring(0, end);
  }
}
