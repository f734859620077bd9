package dev.leakhunter.junit;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.hunt.Suspects;
import dev.leakhunter.retention.Explanation;
import dev.leakhunter.retention.Retention;
import dev.leakhunter.retention.Target;
import dev.leakhunter.retention.WalkLimits;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Roots and allocation sites for the first window's suspects, over the second window: a walk and
 * the allocation advice before its baseline census (so what they leave behind is in the baseline),
 * and a second walk after its last census (so it changes nothing measured). The path whose count
 * grew between the two walks is the root.
 */
final class Explainer {
  private final Retention retention;
  private final AllocationTracking allocations;
  private final List<Target> targets;
  private final List<Object> receivers;
  private Explanation explained;

  private Explainer(Instrumentation inst, List<Suspect> suspects, Object job) {
    this.retention = new Retention(inst, Instrumented.access(inst), AgentPackages::isAgentType, WalkLimits.defaults());
    this.allocations = new AllocationTracking(inst, AgentPackages::isAgentType);
    this.targets = Suspects.walkTargets(suspects);
    // The job itself is the receiver: what a lambda captures (a worker) holds what the worker keeps.
    this.receivers = List.of(job);
    allocations.follow(Suspects.types(suspects));
  }

  /** An explainer, or null when this JVM gives no instrumentation. */
  static Explainer of(List<Suspect> suspects, Object job) {
    Instrumentation inst = Instrumented.get();
    if (inst == null) {
      return null;
    }
    try {
      return new Explainer(inst, suspects, job);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  // An explanation that fails leaves the verdict as it is: the test fails or passes on the census.
  void before(long jobs) {
    try {
      retention.explain(jobs, targets, receivers);
    } catch (RuntimeException | LinkageError e) {
      explained = null;
    }
  }

  /** Right after the window's last census. */
  void after(long jobs) {
    try {
      allocations.afterCensus();
      explained = retention.explain(jobs, targets, receivers);
    } catch (RuntimeException | LinkageError e) {
      explained = null;
    }
  }

  /** The walk after the window, or null when there was none or it failed. */
  Explanation explained() {
    return explained;
  }

  /** Where the suspects' sites are followed. */
  AllocationTracking allocations() {
    return allocations;
  }

  /** Gives the followed classes their original bytes back: the test JVM goes on as it was. */
  void close() {
    try {
      allocations.reset();
    } catch (RuntimeException | LinkageError e) {
      // nothing left to restore that reset could reach
    }
  }
}
