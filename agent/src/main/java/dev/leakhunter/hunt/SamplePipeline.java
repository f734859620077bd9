package dev.leakhunter.hunt;

import dev.leakhunter.census.Census;
import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.ProbeReading;
import dev.leakhunter.growth.Analysis;
import dev.leakhunter.growth.GrowthModel;
import dev.leakhunter.report.Report;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.concurrent.TimeUnit;

/**
 * What a census goes through once taken, the same for the agent's sampler and the JUnit API: the
 * host's objects only, the growth model, the sample the report lists. When a census is taken, and
 * what must happen around it (the agent's explainer gives way to it), stays with the caller.
 */
public final class SamplePipeline {
  // Looked up once: each lookup runs JDK streams and lambdas whose profiles the host shares.
  private static final RuntimeMXBean RUNTIME = ManagementFactory.getRuntimeMXBean();

  /**
   * One census as taken.
   *
   * @param jobs     jobs completed when it was taken: where the model puts it
   * @param inFlight jobs running meanwhile
   * @param probes   read right before it
   */
  public record Taken(long jobs, long inFlight, ProbeReading probes, Census.Result census) {
  }

  /**
   * What one census found.
   *
   * @param histogram the host's objects in it
   * @param analysis  the model's verdict with it, or null when none was asked for
   * @param sample    the census as the report lists it
   */
  public record Found(Histogram histogram, Analysis analysis, Report.Sample sample) {
  }

  private final HostObjects host;

  public SamplePipeline(HostObjects host) {
    this.host = host;
  }

  /** The first stage alone, for a caller that looks at the host's objects before the model does. */
  public Histogram hostObjects(Census.Result census) {
    return host.of(census.histogram());
  }

  /** As above, less the JDK-typed objects the agent held at the census (see {@code OwnObjects}). */
  public Histogram hostObjects(Census.Result census, Histogram agentHeld) {
    return host.of(census.histogram(), agentHeld);
  }

  /** Every stage, from the census as taken. */
  public Found add(GrowthModel model, Taken taken, boolean analyze, long jobsAfter) {
    return add(model, taken, hostObjects(taken.census()), analyze, jobsAfter);
  }

  /**
   * The census's host objects into {@code model}, then the model's verdict if {@code analyze} (the
   * agent's hunt reads it after every census, the JUnit API once a window: an analysis is not free),
   * then the sample.
   *
   * @param histogram {@link #hostObjects} of {@code taken}
   * @param jobsAfter jobs completed once the census's work was done, -1 when not known yet
   */
  public Found add(GrowthModel model, Taken taken, Histogram histogram, boolean analyze, long jobsAfter) {
    model.add(taken.jobs(), histogram);
    Analysis analysis = analyze ? model.analyze() : null;
    ProbeReading probes = taken.probes();
    Report.Sample sample = new Report.Sample(taken.jobs(), RUNTIME.getUptime(), histogram.totalBytes(),
        histogram.totalInstances(), TimeUnit.NANOSECONDS.toMillis(taken.census().pauseNanos()), taken.inFlight(),
        probes.loadedClasses(), probes.liveThreads(), jobsAfter);
    return new Found(histogram, analysis, sample);
  }
}
