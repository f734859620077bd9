package dev.leakhunter.common;

import java.util.Set;

/**
 * A test-only switch that makes one of the agent's own steps fail, so that tests can show the
 * host is unharmed when the agent breaks: {@code -Dleakhunter.fault=census,walk,advice,report}
 * (any of them). Never set in production; read once, when the agent's first step asks. Each point
 * throws where the real failure would come from (the census command, the walk over the heap, the
 * advice woven into a suspect's constructor on the host's own thread, a report write half done),
 * and the agent's handling of it is the same as for a real one.
 */
public final class Faults {

  /** The system property that sets the switch. */
  public static final String PROPERTY = "leakhunter.fault";
  public static final String CENSUS = "census";
  public static final String WALK = "walk";
  public static final String ADVICE = "advice";
  public static final String REPORT = "report";

  private static final Set<String> ON = read();
  // A constant the JIT folds: with the switch unset, a point costs the woven advice nothing.
  private static final boolean ANY = !ON.isEmpty();

  private Faults() {
  }

  private static Set<String> read() {
    String value = System.getProperty(PROPERTY, "");
    return value.isBlank() ? Set.of() : Set.of(value.split(","));
  }

  /** Throws the injected fault at {@code point} when the switch names it; otherwise nothing. */
  public static void at(String point) {
    if (on(point)) {
      throw new InjectedFault(point);
    }
  }

  /** Whether the switch names {@code point}: for a point whose real failure is a checked exception. */
  public static boolean on(String point) {
    return ANY && ON.contains(point);
  }

  /** The message of the fault at {@code point}. */
  public static String message(String point) {
    return "fault injected at " + point + " (-D" + PROPERTY + ")";
  }

  /** The failure a test asked for. */
  public static final class InjectedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFault(String point) {
      super(message(point));
    }
  }
}
