package dev.leakhunter.agent;

import dev.leakhunter.jobs.JobInstrumentation;
import java.util.HashSet;
import java.util.Set;

/**
 * Says in the log which classes got job boundaries and which could not. A pattern may match a
 * class generated per job (a new name each time), so the log names the first
 * {@value #MAX_NAMED} woven classes and {@value #MAX_FAILURES_NAMED} failures, and then says once
 * that it stops: the agent's memory and the host's log stay bounded. Failures are named fewer
 * because {@link AgentLog} says at most 50 distinct errors in all, and the census's must not be
 * crowded out.
 */
final class JobEvents implements JobInstrumentation.Events {
  static final int MAX_NAMED = 100;
  static final int MAX_FAILURES_NAMED = 10;

  private final AgentLog log;
  private final Set<String> instrumented = new HashSet<>();
  private int failures;

  JobEvents(AgentLog log) {
    this.log = log;
  }

  /** How many classes got job boundaries so far (capped a little over {@value #MAX_NAMED}). */
  synchronized int instrumentedCount() {
    return instrumented.size();
  }

  // Class loading runs on any thread of the host; these are short and never wait for the agent.
  @Override
  public synchronized void instrumented(String className) {
    if (instrumented.size() < MAX_NAMED) {
      if (instrumented.add(className)) {
        log.info("job boundary in " + className);
      }
    } else if (instrumented.size() == MAX_NAMED && instrumented.add("")) {
      log.info("more classes with job boundaries; the log names no more of them");
    }
  }

  @Override
  public synchronized void failed(String className, Throwable error) {
    if (failures < MAX_FAILURES_NAMED) {
      log.error("could not instrument " + className + " (its jobs are not counted)", error);
      failures++;
    } else if (failures == MAX_FAILURES_NAMED) {
      log.error("more classes could not be instrumented; the log names no more of them");
      failures++;
    }
  }
}
