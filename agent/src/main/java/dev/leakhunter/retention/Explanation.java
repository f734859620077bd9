package dev.leakhunter.retention;

import java.util.List;
import java.util.Map;

/**
 * What one retention pass found.
 *
 * @param holdings per type: the roots that hold it, the one whose count grows fastest first
 * @param visited  objects the walk visited
 * @param nanos    how long roots and walk took
 * @param notes    where the walk was cut short, in words for the report
 */
public record Explanation(Map<String, List<Holding>> holdings, int visited, long nanos, List<String> notes) {
  public Explanation {
    holdings = Map.copyOf(holdings);
    notes = List.copyOf(notes);
  }

  public List<Holding> of(String type) {
    return holdings.getOrDefault(type, List.of());
  }
}
