package dev.leakhunter.junit;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a census keeps: everything but leakhunter's own types (as in the agent) and the types the
 * check was told to ignore (exact names, or prefixes ending in {@code *}).
 */
final class TypeFilter {
  private final Set<String> exact = new HashSet<>();
  private final List<String> prefixes = new ArrayList<>();

  TypeFilter(List<String> ignored) {
    for (String t : ignored) {
      if (t.endsWith("*")) {
        prefixes.add(t.substring(0, t.length() - 1));
      } else {
        exact.add(t);
      }
    }
  }

  boolean keeps(String type) {
    if (AgentPackages.isNotHostObject(type) || exact.contains(type)) {
      return false;
    }
    for (String p : prefixes) {
      if (type.startsWith(p)) {
        return false;
      }
    }
    return true;
  }

  /** The kept rows; the totals stay the census's own (the live heap as it was). */
  Histogram apply(Histogram h) {
    List<HistogramRow> rows = new ArrayList<>(h.rows().size());
    for (HistogramRow r : h.rows()) {
      if (keeps(r.type())) {
        rows.add(r);
      }
    }
    return new Histogram(rows, h.totalInstances(), h.totalBytes());
  }
}
