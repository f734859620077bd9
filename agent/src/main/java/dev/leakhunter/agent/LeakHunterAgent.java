package dev.leakhunter.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} and dynamic-attach entry. Kept thin: a throwing premain aborts the JVM,
 * so everything happens in {@link AgentLauncher}, which catches all.
 */
public final class LeakHunterAgent {

  private LeakHunterAgent() {
  }

  public static void premain(String options, Instrumentation inst) {
    AgentLauncher.launch(options, inst, System.err, true);
  }

  public static void agentmain(String options, Instrumentation inst) {
    AgentLauncher.launch(options, inst, System.err, false);
  }
}
