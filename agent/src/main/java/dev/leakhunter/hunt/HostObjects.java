package dev.leakhunter.hunt;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a census keeps: the host's objects. The caller says which types are not the host's (the
 * agent's own and the JVM's heap fillers: {@code AgentPackages} knows them, and this package does
 * not depend on the agent's); a leak check may also name types to ignore, exactly or by a prefix
 * ending in {@code *}. The agent and the JUnit API read every census through one of these, so the
 * two cannot disagree on what is measured.
 */
public final class HostObjects {
  private final Predicate<String> notHost;
  private final Set<String> exact = new HashSet<>();
  private final List<String> prefixes = new ArrayList<>();

  /**
   * @param notHost true for a type that is no object of the host's
   * @param ignored further types to leave out: exact names, or prefixes ending in {@code *}
   */
  public HostObjects(Predicate<String> notHost, List<String> ignored) {
    this.notHost = notHost;
    for (String t : ignored) {
      if (t.endsWith("*")) {
        prefixes.add(t.substring(0, t.length() - 1));
      } else {
        exact.add(t);
      }
    }
  }

  public boolean keeps(String type) {
    // The agent ignores nothing: no hash of every row's name (a new String at each census) for it.
    if (notHost.test(type) || !exact.isEmpty() && exact.contains(type)) {
      return false;
    }
    for (String p : prefixes) {
      if (type.startsWith(p)) {
        return false;
      }
    }
    return true;
  }

  /** The kept rows of {@code census}; the totals stay the census's own (the live heap as it was). */
  public Histogram of(Histogram census) {
    return of(census, null);
  }

  /**
   * As above, less {@code agentHeld}: objects of the JDK's types that the agent itself held when the
   * census was taken (never below zero).
   */
  public Histogram of(Histogram census, Histogram agentHeld) {
    Map<String, HistogramRow> less = new HashMap<>();
    if (agentHeld != null) {
      for (HistogramRow r : agentHeld.rows()) {
        less.put(r.type(), r);
      }
    }
    List<HistogramRow> rows = new ArrayList<>(census.rows().size());
    for (HistogramRow r : census.rows()) {
      if (keeps(r.type())) {
        HistogramRow held = less.isEmpty() ? null : less.get(r.type());
        rows.add(held == null ? r : new HistogramRow(r.type(), Math.max(0, r.instances() - held.instances()),
            Math.max(0, r.bytes() - held.bytes()), r.loaders()));
      }
    }
    return new Histogram(rows, census.totalInstances(), census.totalBytes());
  }
}
