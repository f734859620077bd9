package dev.leakhunter.report;

import dev.leakhunter.growth.Suspect;
import dev.leakhunter.common.OwnMaps;
import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the text and HTML reports both say about a report, worded once. */
final class Summary {
  private Summary() {
  }

  /** The suspects by cluster, clusters in ascending order, each in the report's ranking (its lead first). */
  static List<List<Report.SuspectReport>> clusters(List<Report.SuspectReport> suspects) {
    Map<Integer, List<Report.SuspectReport>> byCluster = new TreeMap<>();
    for (Report.SuspectReport s : suspects) {
      OwnMaps.listIn(byCluster, s.suspect().cluster()).add(s);
    }
    return new ArrayList<>(byCluster.values());
  }

  /**
   * The ledger in one line: the whole as a share of the wall time, its parts, and the heap. The
   * budget covers the censuses and the explaining, each on its own; the start-up is paid once.
   */
  static String cost(Report.Cost c) {
    StringBuilder line = new StringBuilder();
    line.append(String.format(Locale.ROOT, "%.2f%%", c.percent())).append(" of ")
        .append(String.format(Locale.ROOT, "%.1f s", c.wallMs() / 1000.0)).append(": start-up ")
        .append(Units.count(c.startupMs())).append(" ms, census pauses ").append(Units.count(c.censusPauseMs()))
        .append(" ms, sampler ").append(Units.count(c.samplerMs())).append(" ms, explaining ")
        .append(Units.count(c.explainingMs())).append(" ms, after-effects ")
        .append(c.afterEffectsMs() < 0 ? "not measured" : Units.count(c.afterEffectsMs()) + " ms").append(" (budget ")
        .append(String.format(Locale.ROOT, "%s", Units.plain(stripZero(c.budgetPercent()))))
        .append("% each for censuses and explaining); heap ").append(Units.bytes(c.heapCommittedBytes()))
        .append(" committed");
    if (c.heapKeptBytes() >= 0) {
      line.append(", kept at ").append(Units.bytes(c.heapKeptBytes())).append(" (given back ")
          .append(c.heapGivenBack()).append(c.heapGivenBack() == 1 ? " time)" : " times)");
    }
    if (c.agentObjectsBytes() >= 0) {
      line.append("; the agent's own objects ").append(Units.bytes(c.agentObjectsBytes()));
      if (c.agentHeldBytes() >= 0) {
        line.append(" and ").append(Units.bytes(c.agentHeldBytes())).append(" of the JDK's types it holds");
      }
    }
    if (c.censusCpuMs() >= 0 && c.processCpuMs() > 0) {
      // The start-up is left out: the launch's own CPU (class loading, the JIT) is not told apart.
      double share = 100.0 * (c.censusCpuMs() + c.samplerMs() + c.explainingMs()) / c.processCpuMs();
      line.append("; CPU: ").append(String.format(Locale.ROOT, "%.2f%%", share)).append(" of the process's ")
          .append(Units.count(c.processCpuMs())).append(" ms since the agent started (census pauses ")
          .append(Units.count(c.censusCpuMs())).append(" ms on the GC's threads, sampler, explaining)");
    }
    return line.toString();
  }

  private static String stripZero(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * When each leak fills the heap, one line per leak ({@code leak 2: } before it when there are
   * several): at the job rate measured, or per million jobs in a JUnit check's report (no ledger),
   * whose test loop's pace says nothing of production's.
   */
  static List<String> runsOut(Report r) {
    List<Exhaustion> all = Exhaustion.of(r);
    List<String> lines = new ArrayList<>();
    for (Exhaustion e : all) {
      lines.add((all.size() > 1 ? "leak " + e.cluster() + ": " : "") + (r.cost() == null ? e.perMillionJobs() : e.sentence()));
    }
    return lines;
  }

  /**
   * A leak's headline figures: the lead type's instances per job, and what the leak costs per job,
   * which for a leak of several types is all of them together, not the lead's own bytes
   * ({@code +0.33 instances/job  +252 B/job in all, its 6 types  (confidence 1.00)}).
   */
  static String headline(List<Report.SuspectReport> cluster) {
    Suspect lead = cluster.get(0).suspect();
    if (cluster.size() < 2) {
      return TextReport.rates(lead);
    }
    return Units.perJob(lead.instancesPerJob()) + " instances/job  " + Units.signedBytes(bytesPerJob(cluster))
        + "/job in all, its " + cluster.size() + " types  (confidence " + Units.confidence(lead.confidence()) + ")";
  }

  /**
   * For a leak of several types, the lead type's own share ({@code the Order itself: +19 B/job});
   * null for a leak of one type, whose headline is that.
   */
  static String itself(List<Report.SuspectReport> cluster) {
    if (cluster.size() < 2) {
      return null;
    }
    Suspect lead = cluster.get(0).suspect();
    String type = lead.type();
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return "the " + simple + " itself: " + Units.signedBytes(lead.bytesPerJob()) + "/job";
  }

  /** The bytes per job of {@code suspects} together (a type whose bytes shrink adds nothing). */
  static double bytesPerJob(List<Report.SuspectReport> suspects) {
    double bytes = 0;
    for (Report.SuspectReport s : suspects) {
      bytes += Math.max(0, s.suspect().bytesPerJob());
    }
    return bytes;
  }

  /**
   * What a root costs, for the text and HTML reports: {@code holds 72.1 KB, +19 B/job}, and, when
   * the root holds more of the leak than the lead's path, what every path the walks found from that
   * root to any type of {@code cluster} holds and grows, added up (each object is counted on one
   * path only): {@code ; the leak's types under it 913.6 KB, +234 B/job}. A root that holds the
   * whole leak comes close to its {@link #inAll} figure; the walk follows the first 8 suspects and
   * the report keeps 3 paths per type, so it can only come short of it.
   */
  static String rootFigures(Report.Root root, List<Report.SuspectReport> cluster) {
    double perJobUnder = 0;
    long heldUnder = 0;
    boolean heldKnown = false;
    for (Report.SuspectReport s : cluster) {
      for (Report.Root r : s.roots()) {
        if (r.bytesPerJob() > 0 && r.root().equals(root.root())) {
          perJobUnder += r.bytesPerJob();
          if (r.bytes() >= 0) {
            heldUnder += r.bytes();
            heldKnown = true;
          }
        }
      }
    }
    StringBuilder out = new StringBuilder();
    if (root.bytes() >= 0) {
      out.append("holds ").append(Units.bytes(root.bytes())).append(", ");
    }
    out.append(Units.signedBytes(root.bytesPerJob())).append("/job");
    if (perJobUnder > root.bytesPerJob() + 0.5) {
      out.append("; the leak's types under it ");
      if (heldKnown) {
        out.append(Units.bytes(heldUnder)).append(", ");
      }
      out.append(Units.signedBytes(perJobUnder)).append("/job");
    }
    return out.toString();
  }

  /** {@code LEAK}, {@code NO-LEAK} or {@code INCONCLUSIVE}. */
  static String verdict(Report r) {
    return r.verdict().json().toUpperCase(Locale.ROOT);
  }

  /** One line saying what the verdict means for this report. */
  static String meaning(Report r) {
    switch (r.verdict()) {
      case LEAK: {
        int types = r.suspects().size();
        int leaks = clusters(r.suspects()).size();
        if (types == 0) {
          return "the growth model found a leak, but this report lists no suspect types";
        }
        return plural(types, "type") + (types == 1 ? " keeps" : " keep") + " growing with completed jobs"
            + (leaks > 1 ? ", in " + leaks + " separate leaks" : "");
      }
      case NO_LEAK:
        return "nothing grows with jobs over " + span(r.samples());
      case INCONCLUSIVE:
      default:
        return "too few samples or jobs yet to tell a leak from warm-up";
    }
  }

  /** "12 samples / 360 jobs (job 40 to job 400)": the evidence a verdict rests on. */
  static String span(List<Report.Sample> samples) {
    if (samples.size() < 2) {
      return plural(samples.size(), "sample");
    }
    long first = samples.get(0).jobs();
    long last = samples.get(samples.size() - 1).jobs();
    return samples.size() + " samples / " + Units.count(last - first) + " jobs (job " + Units.count(first)
        + " to job " + Units.count(last) + ")";
  }

  /** A suspect's heading word: only a leak verdict makes a growing type a leak. */
  static String clusterWord(Verdict v) {
    return v == Verdict.LEAK ? "Leak" : "Growing";
  }

  /** The last series point: what is live now, or null when the series is empty. */
  static SeriesPoint last(Report.SuspectReport s) {
    List<SeriesPoint> series = s.suspect().series();
    return series.isEmpty() ? null : series.get(series.size() - 1);
  }

  static String plural(long n, String word) {
    return Units.count(n) + " " + word + (n == 1 ? "" : "s");
  }
}
