package dev.leakhunter.agent;

import dev.leakhunter.census.TypeNames;
import dev.leakhunter.hunt.HostObjects;
import java.util.List;
import java.util.Set;

/**
 * The agent's own packages. The agent never instruments its own classes, and leaves its own
 * objects out of the census: they are in the heap it watches, but they are not the host's leak.
 * The demo daemon lives under {@code dev.leakhunter.demo} and is a host like any other.
 */
public final class AgentPackages {

  private static final String ROOT = "dev.leakhunter.";
  private static final Set<String> OWN = Set.of(
      "agent", "common", "jobs", "census", "growth", "retention", "allocation", "report", "hunt", "cli", "junit",
      "publish", "shaded");

  private AgentPackages() {
  }

  /** True for a class (or array of a class) of the agent itself, by Java-language or binary name. */
  public static boolean isAgentType(String typeName) {
    if (!typeName.startsWith(ROOT)) {
      return false;
    }
    int end = typeName.indexOf('.', ROOT.length());
    return end > 0 && OWN.contains(typeName.substring(ROOT.length(), end));
  }

  /**
   * True for a census row that is no object of the host's: the agent's own, or the JVM's heap
   * fillers. Every census is read without these, by the agent and the JUnit API alike.
   */
  public static boolean isNotHostObject(String typeName) {
    return isAgentType(typeName) || TypeNames.isHeapFiller(typeName);
  }

  /** What a census keeps: the host's objects, less {@code ignored} (see {@link HostObjects}). */
  public static HostObjects hostObjects(List<String> ignored) {
    return new HostObjects(AgentPackages::isNotHostObject, ignored);
  }
}
