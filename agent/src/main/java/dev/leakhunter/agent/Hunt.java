package dev.leakhunter.agent;

import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.jobs.JobInstrumentation;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running hunt and what it changed in the host, kept so that {@link #detach} can undo all of
 * it: the sampler thread, the woven job classes and suspect constructors, the shutdown hook. Nothing else refers to the
 * hunt's model once {@link AgentControl} lets go of it.
 */
final class Hunt {

  // A census of a few GB of live heap takes seconds; the detach waits for it rather than have it
  // write a report after the final one.
  private static final long SAMPLER_STOP_MAX_MILLIS = TimeUnit.SECONDS.toMillis(30);

  private final AgentOptions options;
  private final Hunter hunter;
  private final JobInstrumentation jobs;
  private final AllocationTracking allocations;
  private final Instrumentation inst;
  private final Thread shutdownHook;
  private final AgentLog log;

  Hunt(AgentOptions options, Hunter hunter, JobInstrumentation jobs, AllocationTracking allocations,
       Instrumentation inst, Thread shutdownHook, AgentLog log) {
    this.options = options;
    this.hunter = hunter;
    this.jobs = jobs;
    this.allocations = allocations;
    this.inst = inst;
    this.shutdownHook = shutdownHook;
    this.log = log;
  }

  /** The report directory, absolute (resolved against the host's working directory). */
  Path out() {
    return options.out().toAbsolutePath();
  }

  Hunter hunter() {
    return hunter;
  }

  AgentOptions options() {
    return options;
  }

  /**
   * Stops sampling, restores the original job classes, removes the shutdown hook and writes the
   * final report. The host keeps running as it did before the attach.
   *
   * @return the final report files; empty if they could not be written (said in the host's log)
   */
  List<Path> detach() {
    hunter.stopSampling(SAMPLER_STOP_MAX_MILLIS);
    // The last census while the job advice still counts.
    hunter.finishSampling(false);
    // Retransforms the woven classes without the advice: back to their original bytes. A job
    // running right now finishes in the old (woven) code and is still counted.
    boolean reset = jobs.reset();
    if (!reset) {
      log.error("the job advice was already removed");
    }
    allocations.reset();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting and the hook runs anyway: it writes the same final report.
    }
    List<Path> written = hunter.writeFinalReport();
    log.info("detached: job and allocation advice removed, sampling stopped; the application runs as before");
    return written;
  }
}
