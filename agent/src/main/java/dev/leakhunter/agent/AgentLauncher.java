package dev.leakhunter.agent;

import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.census.Census;
import dev.leakhunter.census.CensusException;
import dev.leakhunter.jobs.JobInstrumentation;
import dev.leakhunter.jobs.JobTracker;
import dev.leakhunter.retention.DeepAccess;
import dev.leakhunter.retention.Retention;
import dev.leakhunter.retention.WalkLimits;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;

/**
 * Parses the options, weaves the job advice, starts the hunt and registers the final report at
 * shutdown. Whatever goes wrong is said in one line and the agent stays out of the way: the host
 * application must run as if the agent were not there.
 */
final class AgentLauncher {

  private AgentLauncher() {
  }

  /**
   * @param beforeMain true from {@code premain}: the host's {@code main} has not started yet, and
   *                   the hunt's warm-up runs here, before it (see {@link #start})
   */
  static void launch(String args, Instrumentation inst, PrintStream err, boolean beforeMain) {
    long startNanos = System.nanoTime(); // the ledger's start-up counts from here
    try {
      AgentInstrumentation.set(inst);
      if (ControlCommand.isCommand(args)) {
        AgentControl.run(args, err);
        return;
      }
      if (args == null || args.isBlank()) {
        err.println("[leakhunter] no options: not hunting; the JUnit API may use the agent's instrumentation"
            + " (to hunt, give jobs=TYPE#METHOD)");
        return;
      }
      AgentOptions options;
      try {
        options = AgentOptions.parse(args);
      } catch (OptionException e) {
        err.println("[leakhunter] " + e.getMessage() + " (the agent is off; the application runs normally)");
        return;
      }
      if (!AgentControl.claim()) {
        err.println("[leakhunter] the agent already runs in this JVM; options ignored: " + args);
        return;
      }
      try {
        start(options, inst, new AgentLog(err, options.quiet(), options.debug()), beforeMain, startNanos);
      } catch (Throwable t) {
        AgentControl.release();
        throw t;
      }
    } catch (Throwable t) {
      err.println("[leakhunter] could not start, the application runs without it: " + t);
    }
  }

  /**
   * The retention walker reads JDK internals (an ArrayList's elements, a thread's ThreadLocals): the
   * agent opens them to a private module of its own (see DeepAccess), not to the class path, so
   * users need no --add-opens. JOL is not used for walks or sizes (see Walker for why).
   */
  private static Retention retention(Instrumentation inst, AgentLog log) {
    try {
      DeepAccess access = DeepAccess.open(inst);
      if (!access.deep()) {
        log.info("could not open the JDK's internals to the agent: roots through JDK collections will be missing");
      }
      return new Retention(inst, access, AgentPackages::isAgentType, WalkLimits.defaults());
    } catch (Throwable t) {
      log.error("retention roots are off (suspects are still reported)", t);
      return null;
    }
  }

  /** Before the first census, which would otherwise start the platform MBean server (see Census). */
  private static void reachCensusDirectly(Instrumentation inst, AgentLog log) {
    try {
      Census.reachDirectly(inst);
    } catch (CensusException e) {
      log.info(e.getMessage() + "; censuses go through the platform MBean server");
    }
  }

  private static void start(AgentOptions options, Instrumentation inst, AgentLog log, boolean beforeMain,
                            long startNanos) {
    // A hunt attached after a detach counts from zero: warmup and every count from the attach.
    JobTracker.reset();
    AllocationTracking allocations = new AllocationTracking(inst, AgentPackages::isAgentType);
    reachCensusDirectly(inst, log);
    Hunter hunter = new Hunter(options, log, retention(inst, log), allocations, startNanos);
    JobEvents jobEvents = new JobEvents(log);
    JobInstrumentation jobs = JobInstrumentation.install(inst, options.jobs(), AgentPackages::isAgentType, jobEvents);
    hunter.watchJobs(new NoJobsWarning(options, jobEvents, inst, startNanos));
    Thread hook = new Thread(hunter::stop, "leakhunter-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (beforeMain) {
      // The warm-up compiles the agent's code and much of the JDK's (~60 ms). Run on the sampler
      // beside the host's start, it kept C2's queue long while the host's hot code was first
      // compiled, and HotSpot then compiled that code at tier 2, without the receiver profiles C2
      // inlines by (docs/performance.md, item 6). Before main, the host waits for it once instead.
      hunter.warmUp();
    }
    hunter.start();
    AgentControl.started(new Hunt(options, hunter, jobs, allocations, inst, hook, log));
    log.info("hunting leaks per job of " + options.jobsJoined(", ") + "; reports in " + options.out().toAbsolutePath()
        + " (first census after " + options.warmup() + " jobs, then "
        + (options.everyAuto() ? "within a " + options.asMap().get(AgentOptions.OVERHEAD) + "% overhead budget"
        : "every " + options.every() + " jobs") + ")");
  }
}
