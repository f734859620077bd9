package dev.leakhunter.hunt;

import dev.leakhunter.common.OwnMaps;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.TypeNames;
import dev.leakhunter.report.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a cluster of suspects into one leak per independent root. The growth model clusters
 * types by the shape of their growth, so two leaks that both grow steadily from the start (a
 * session map and an audit list, filled by the same jobs) are one cluster: their curves cannot be
 * told apart. The walk can: each application type of the cluster has its roots, and when those
 * types fall into groups whose roots have none in common, each group is a leak of its own, with
 * its own types, figures and root.
 *
 * <p>Only application types decide (a {@code String} or an {@code Object[]} is held under every
 * root). A JDK type held under the roots of several groups is listed in each, with the share of
 * its per-job growth the walk found under that group's roots (the audit trail's strings with the
 * audit leak, the sessions' with the session leak); one held under one group's roots goes with it;
 * one whose roots are in no group stays with the cluster's lead. Types that share any root stay
 * together: one graph held by a map and a list at once is one leak, whichever root the walk ranks
 * first for each of its types. A cluster whose application types have no roots yet is left whole.
 * Clusters are numbered again in the order they come, each part where its cluster was.
 */
final class RootSplit {

  private RootSplit() {
  }

  /** {@code suspects} as ranked, with each cluster split by independent roots. */
  static List<Report.SuspectReport> split(List<Report.SuspectReport> suspects) {
    Map<Integer, List<Report.SuspectReport>> byCluster = new LinkedHashMap<>();
    for (Report.SuspectReport s : suspects) {
      OwnMaps.listIn(byCluster, s.suspect().cluster()).add(s);
    }
    List<Report.SuspectReport> out = new ArrayList<>(suspects.size());
    int number = 0;
    for (List<Report.SuspectReport> cluster : byCluster.values()) {
      for (List<Report.SuspectReport> part : parts(cluster)) {
        number++;
        for (Report.SuspectReport s : part) {
          out.add(renumbered(s, number));
        }
      }
    }
    return out;
  }

  /** The cluster in one part per group of application types with roots in common, the lead's first. */
  static List<List<Report.SuspectReport>> parts(List<Report.SuspectReport> cluster) {
    List<Set<String>> groups = new ArrayList<>(); // each group's roots
    for (Report.SuspectReport s : cluster) {
      if (application(s) && !s.roots().isEmpty()) {
        Set<String> roots = rootsOf(s);
        Set<String> merged = new HashSet<>(roots);
        for (int g = groups.size() - 1; g >= 0; g--) {
          if (intersects(groups.get(g), roots)) {
            merged.addAll(groups.remove(g));
          }
        }
        groups.add(merged);
      }
    }
    if (groups.size() < 2) {
      return List.of(cluster);
    }
    // The lead's group first, then the others in the order their first type comes.
    List<Set<String>> ordered = new ArrayList<>();
    for (Report.SuspectReport s : cluster) {
      if (application(s) && !s.roots().isEmpty()) {
        Set<String> g = groupOf(groups, s.roots().get(0).root());
        if (!ordered.contains(g)) {
          ordered.add(g);
        }
      }
    }
    int leadGroup = cluster.get(0).roots().isEmpty() ? 0
        : Math.max(0, ordered.indexOf(groupOf(groups, cluster.get(0).roots().get(0).root())));
    if (leadGroup > 0) {
      ordered.add(0, ordered.remove(leadGroup));
    }
    List<List<Report.SuspectReport>> parts = new ArrayList<>();
    for (int g = 0; g < ordered.size(); g++) {
      parts.add(new ArrayList<>());
    }
    for (Report.SuspectReport s : cluster) {
      double[] shares = application(s) ? null : shares(s, ordered);
      if (shares != null) {
        for (int g = 0; g < shares.length; g++) {
          if (shares[g] > 0) {
            parts.get(g).add(share(s, shares[g], ordered.get(g)));
          }
        }
        continue;
      }
      int g = s.roots().isEmpty() ? -1 : ordered.indexOf(groupOf(groups, s.roots().get(0).root()));
      parts.get(Math.max(0, g)).add(s);
    }
    for (List<Report.SuspectReport> part : parts) {
      leadFirst(part);
    }
    return parts;
  }

  /**
   * A JDK type held under the roots of more than one part (the {@code String}s of two leaks), as
   * each part's share of its growth, by what the walk found under each root: null when its roots
   * fall in one part at most, or say nothing of their growth.
   */
  private static double[] shares(Report.SuspectReport s, List<Set<String>> parts) {
    double[] shares = new double[parts.size()];
    double total = 0;
    for (Report.Root r : s.roots()) {
      for (int g = 0; g < parts.size(); g++) {
        if (parts.get(g).contains(r.root()) && r.bytesPerJob() > 0) {
          shares[g] += r.bytesPerJob();
          total += r.bytesPerJob();
        }
      }
    }
    int holding = 0;
    for (double v : shares) {
      holding += v > 0 ? 1 : 0;
    }
    if (holding < 2) {
      return null;
    }
    for (int g = 0; g < shares.length; g++) {
      shares[g] /= total;
    }
    return shares;
  }

  /** {@code s} as one part's share: its per-job figures scaled, its roots those of the part. */
  private static Report.SuspectReport share(Report.SuspectReport s, double share, Set<String> part) {
    Suspect t = s.suspect();
    List<Report.Root> roots = new ArrayList<>();
    for (Report.Root r : s.roots()) {
      if (part.contains(r.root())) {
        roots.add(r);
      }
    }
    return new Report.SuspectReport(new Suspect(t.type(), t.instancesPerJob() * share, t.bytesPerJob() * share,
        t.confidence(), t.cluster(), t.series()), roots, s.allocationSites());
  }

  /** A part's lead is its first application type (the cluster's order is by bytes per job after the lead). */
  private static void leadFirst(List<Report.SuspectReport> part) {
    for (int i = 0; i < part.size(); i++) {
      if (application(part.get(i))) {
        part.add(0, part.remove(i));
        return;
      }
    }
  }

  private static boolean application(Report.SuspectReport s) {
    return TypeNames.specificity(s.suspect().type()) == 0;
  }

  private static Set<String> rootsOf(Report.SuspectReport s) {
    Set<String> roots = new HashSet<>();
    for (Report.Root r : s.roots()) {
      roots.add(r.root());
    }
    return roots;
  }

  private static Set<String> groupOf(List<Set<String>> groups, String root) {
    for (Set<String> g : groups) {
      if (g.contains(root)) {
        return g;
      }
    }
    return null;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : b) {
      if (a.contains(s)) {
        return true;
      }
    }
    return false;
  }

  private static Report.SuspectReport renumbered(Report.SuspectReport s, int cluster) {
    Suspect t = s.suspect();
    if (t.cluster() == cluster) {
      return s;
    }
    return new Report.SuspectReport(new Suspect(t.type(), t.instancesPerJob(), t.bytesPerJob(), t.confidence(),
        cluster, t.series()), s.roots(), s.allocationSites());
  }
}
