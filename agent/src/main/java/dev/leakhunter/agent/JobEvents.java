package dev.leakhunter.agent;

import dev.leakhunter.jobs.JobInstrumentation;
import java.util.HashSet;
import java.util.Set;

/**
 * Says in the log which classes got job boundaries and which could not. A pattern may match a
 * class generated per job (a new name each time), so the log names the first
 * {@value #MAX_NAMED} of each and then says once that it stops: the agent's memory and the host's
 * log stay bounded.
 */
final class JobEvents implements JobInstrumentation.Events {
  static final int MAX_NAMED = 100;

  private final AgentLog log;
  private final Set<String> instrumented = new HashSet<>();
  private int failures;

  JobEvents(AgentLog log) {
    this.log = log;
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
    if (failures < MAX_NAMED) {
      log.error("could not instrument " + className + " (its jobs are not counted)", error);
      failures++;
    } else if (failures == MAX_NAMED) {
      log.error("more classes could not be instrumented; the log names no more of them");
      failures++;
    }
  }
}
