package dev.leakhunter.retention;

import java.util.List;

/**
 * What one walk found.
 *
 * @param hits    per root and target type: how many instances were reached first from that root
 * @param visited objects visited
 * @param nanos   how long the walk took
 * @param notes     where the walk was cut short (a root too large, the object or time cap)
 * @param abandoned given up for a census: partial, not to be ranked against whole walks
 */
record Walk(List<Hit> hits, int visited, long nanos, List<String> notes, boolean abandoned) {

  /**
   * @param root   the root's label
   * @param type   the target type's Java-language name
   * @param count  instances reached from this root before any other (shortest path first)
   * @param bytes  their shallow sizes, added up
   * @param path   from the root's value to the type, field by field; the last element is the type
   * @param thread the live thread the root is, or null
   */
  record Hit(String root, String type, long count, long bytes, List<String> path, Thread thread) {
  }
}
