package dev.leakhunter.junit;

import dev.leakhunter.agent.AgentInstrumentation;
import dev.leakhunter.retention.DeepAccess;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The instrumentation that roots and allocation sites need in a test JVM: the agent's, when
 * {@code -javaagent:leakhunter.jar} is on surefire's argLine, or else Byte Buddy's self-attach, tried
 * once and only when a check has found a leak to explain (on JDK 21+ that prints the JVM's warning
 * about a dynamically loaded agent; passing tests never attach).
 */
final class Instrumented {
  /** Guarded by the hunt lock. */
  private static boolean tried;
  private static Instrumentation attached;
  private static DeepAccess access;

  private Instrumented() {
  }

  /** The instrumentation, or null when there is none and self-attach failed (said once on stderr). */
  static Instrumentation get() {
    Instrumentation inst = AgentInstrumentation.current();
    if (inst != null) {
      return inst;
    }
    if (!tried) {
      tried = true;
      try {
        attached = ByteBuddyAgent.install();
      } catch (Throwable t) {
        System.err.println("[leakhunter] no instrumentation (" + t + "): leaks are reported without roots"
            + " or allocation sites; add -javaagent:leakhunter.jar to surefire's argLine");
      }
    }
    return attached;
  }

  /** The JDK opened to the walker, once per JVM (it redefines modules). */
  static DeepAccess access(Instrumentation inst) {
    if (access == null) {
      access = DeepAccess.open(inst);
    }
    return access;
  }
}
