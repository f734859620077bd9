package dev.leakhunter.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Get-or-put by hand. {@code Map.computeIfAbsent} calls its function from one JIT profile for the
 * whole JVM, which the agent's lambdas would share with the host's (see {@link OwnSort}).
 */
public final class OwnMaps {

  private OwnMaps() {
  }

  /** The list under {@code key}, put there empty if there was none. */
  public static <K, V> List<V> listIn(Map<K, List<V>> map, K key) {
    List<V> list = map.get(key);
    if (list == null) {
      list = new ArrayList<>();
      map.put(key, list);
    }
    return list;
  }
}
