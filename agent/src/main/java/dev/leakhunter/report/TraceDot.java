package dev.leakhunter.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code OUT/trace-TYPE.dot}: the reference chains from the roots that hold a traced type to it, as a
 * Graphviz graph ({@code dot -Tsvg trace-com.acme.Order.dot > order.svg}). One node per root, per
 * hop ({@code Holder.field}) of its chain, and one for the type, which all chains end at.
 */
public final class TraceDot {

  private TraceDot() {
  }

  /** The file name for {@code type}: characters a file name should not hold become {@code _}. */
  public static String fileName(String type) {
    return "trace-" + type.replaceAll("[^A-Za-z0-9._$-]", "_") + ".dot";
  }

  /** The graph, as text. */
  public static String render(String type, List<Report.Root> roots) {
    Map<String, String> ids = new LinkedHashMap<>();
    Set<String> edges = new LinkedHashSet<>();
    StringBuilder dot = new StringBuilder();
    dot.append("digraph \"").append(escape("trace " + type)).append("\" {\n")
        .append("  rankdir=LR;\n  node [shape=box, fontname=\"monospace\", fontsize=10];\n");
    String typeId = id(ids, "type:" + type);
    dot.append("  ").append(typeId).append(" [label=\"").append(escape(type))
        .append("\", style=filled, fillcolor=\"#f4cccc\"];\n");
    for (Report.Root r : roots) {
      String rootId = id(ids, "root:" + r.root());
      dot.append("  ").append(rootId).append(" [label=\"").append(escape(r.root()))
          .append("\", shape=ellipse, style=filled, fillcolor=\"#cfe2f3\"];\n");
      String from = rootId;
      List<String> path = r.path();
      // the path's last element is the type itself
      for (int i = 0; i + 1 < path.size(); i++) {
        String key = "hop:" + String.join("/", path.subList(0, i + 1)) + "@" + r.root();
        boolean fresh = !ids.containsKey(key);
        String hop = id(ids, key);
        if (fresh) {
          dot.append("  ").append(hop).append(" [label=\"").append(escape(path.get(i))).append("\"];\n");
        }
        edges.add(from + " -> " + hop);
        from = hop;
      }
      edges.add(from + " -> " + typeId + (r.bytesPerJob() > 0
          ? " [label=\"" + escape(Units.bytes(r.bytesPerJob()) + "/job") + "\"]" : ""));
    }
    for (String e : edges) {
      dot.append("  ").append(e).append(";\n");
    }
    return dot.append("}\n").toString();
  }

  /** Writes {@code OUT/trace-TYPE.dot} atomically; returns its path. */
  public static Path write(Path dir, String type, List<Report.Root> roots) throws IOException {
    ReportWriter.createDirectories(dir);
    Path target = dir.resolve(fileName(type));
    ReportWriter.writeAtomically(target, render(type, roots), Files::move);
    return target;
  }

  private static String id(Map<String, String> ids, String key) {
    String id = ids.get(key);
    if (id == null) {
      id = "n" + ids.size();
      ids.put(key, id);
    }
    return id;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
