package dev.leakhunter.agent;

import java.lang.instrument.Instrumentation;

/**
 * The Instrumentation the JVM handed to {@code premain}/{@code agentmain}, for the JUnit API: a
 * test JVM started with {@code -javaagent:leakhunter.jar} (no options) lends it the agent's
 * instrumentation, so it needs no dynamic attach (and JDK 21+ print no warning for one).
 */
public final class AgentInstrumentation {
  private static volatile Instrumentation current;

  private AgentInstrumentation() {
  }

  static void set(Instrumentation inst) {
    current = inst;
  }

  /** The agent's instrumentation, or null when the agent was not loaded into this JVM. */
  public static Instrumentation current() {
    return current;
  }
}
