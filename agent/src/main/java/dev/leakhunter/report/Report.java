package dev.leakhunter.report;

import dev.leakhunter.growth.Plateau;
import dev.leakhunter.growth.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one report says: the model behind {@code leakhunter-report.json} (DESIGN, "Report"),
 * and what the text and HTML writers render.
 *
 * @param options  the agent options as the user gave them, in a stable order
 * @param samples  oldest first; bounded (the agent thins old samples)
 * @param note     why the verdict is what it is when that is not obvious (e.g. inconclusive), or null
 * @param suspects ranked as {@link dev.leakhunter.growth.Analysis#suspects()}
 * @param cost     what the hunt cost the host so far, or null (a JUnit leak check's report)
 * @param plateaued application types that grew and then stayed flat: not leaks (HTML and JSON only)
 */
public record Report(int schema, Tool tool, Jvm jvm, Map<String, String> options, Jobs jobs,
                     List<Sample> samples, Verdict verdict, String note, List<SuspectReport> suspects, Cost cost,
                     List<Plateau> plateaued) {

  public static final int SCHEMA = 1;

  public Report {
    options = new LinkedHashMap<>(options);
    samples = List.copyOf(samples);
    suspects = List.copyOf(suspects);
    plateaued = List.copyOf(plateaued);
  }

  /** A report without a ledger or plateaus. */
  public Report(int schema, Tool tool, Jvm jvm, Map<String, String> options, Jobs jobs,
                List<Sample> samples, Verdict verdict, String note, List<SuspectReport> suspects) {
    this(schema, tool, jvm, options, jobs, samples, verdict, note, suspects, null, List.of());
  }

  /** A report without plateaus. */
  public Report(int schema, Tool tool, Jvm jvm, Map<String, String> options, Jobs jobs,
                List<Sample> samples, Verdict verdict, String note, List<SuspectReport> suspects, Cost cost) {
    this(schema, tool, jvm, options, jobs, samples, verdict, note, suspects, cost, List.of());
  }

  /** This report with {@code ledger} as its cost. */
  public Report withCost(Cost ledger) {
    return new Report(schema, tool, jvm, options, jobs, samples, verdict, note, suspects, ledger, plateaued);
  }

  /** This report with {@code note} as its note. */
  public Report withNote(String note) {
    return new Report(schema, tool, jvm, options, jobs, samples, verdict, note, suspects, cost, plateaued);
  }

  /** This report with {@code verdict}, for a failure message's other verdicts. */
  public Report withVerdict(Verdict verdict) {
    return new Report(schema, tool, jvm, options, jobs, samples, verdict, note, suspects, cost, plateaued);
  }

  /** This report as of {@code jobs}, with {@code suspects} and {@code ledger}. */
  public Report asOf(Jobs jobs, List<SuspectReport> suspects, Cost ledger) {
    return new Report(schema, tool, jvm, options, jobs, samples, verdict, note, suspects, ledger, plateaued);
  }

  /**
   * A copy of the options, in their order. Not an unmodifiable view: iterating a view runs the JDK's
   * delegating iterator, whose JIT profile the host shares (SharedProfilesTest).
   */
  @Override
  public Map<String, String> options() {
    return new LinkedHashMap<>(options);
  }

  public record Tool(String name, String version) {
  }

  /** @param maxHeapBytes -1 when the JVM has no limit */
  public record Jvm(long pid, String version, String gc, long maxHeapBytes) {
  }

  public record Jobs(long completed, long inFlight, long warmup) {
  }

  /**
   * What the hunt cost the host so far, in its parts, and what the host's heap is.
   *
   * @param wallMs             since the agent started (premain, or the attach)
   * @param startupMs          the agent's start, before the hunt began: with {@code -javaagent} the
   *                           host's main waited that long
   * @param censusPauseMs      the censuses' stop-the-world pauses
   * @param samplerMs          the sampler's work beside the jobs (parse, model, reports)
   * @param explainingMs       walks for roots and allocation following
   * @param afterEffectsMs     the jobs the host did not complete just after the censuses, as time
   *                           (cold caches, a heap to touch again; see docs/performance.md); -1 when
   *                           no census could be measured, 0 in reports of earlier versions
   * @param censusCpuMs        the process's CPU time over the censuses' pauses: the GC's threads
   *                           work in parallel, so it runs above the pauses' wall time; -1 unknown
   * @param processCpuMs       the process's CPU time since the agent started, -1 unknown
   * @param budgetPercent      the {@code overhead} option: censuses and explaining each keep within it
   * @param heapCommittedBytes the heap committed now
   * @param heapKeptBytes      the size kept for the host's heap (see docs/performance.md), -1 when
   *                           the collector is not G1
   * @param heapGivenBack      how many censuses gave back heap that G1 grew because of the censuses
   * @param agentObjectsBytes  the agent's own objects of its own types at the last census, -1 before
   * @param agentHeldBytes     the objects of the JDK's types the agent held at the last census (its
   *                           series, maps, strings), taken out of the host's census; -1 when not
   *                           counted (before the first census, or in reports of earlier versions)
   */
  public record Cost(long wallMs, long startupMs, long censusPauseMs, long samplerMs, long explainingMs,
                     long afterEffectsMs, long censusCpuMs, long processCpuMs, double budgetPercent, long heapCommittedBytes, long heapKeptBytes, long heapGivenBack,
                     long agentObjectsBytes, long agentHeldBytes) {
    /** All parts as a share of the wall time, in percent. */
    public double percent() {
      long parts = startupMs + censusPauseMs + samplerMs + explainingMs + Math.max(0, afterEffectsMs);
      return wallMs <= 0 ? 0 : 100.0 * parts / wallMs;
    }

    /** The ledger in one line, as the text and HTML reports say it. */
    public String line() {
      return Summary.cost(this);
    }
  }

  /**
   * One census.
   *
   * @param jobs          jobs completed when it was taken
   * @param liveBytes     live heap bytes (the histogram's total)
   * @param liveObjects   live objects (the histogram's total)
   * @param censusMs      how long the census paused the JVM
   * @param inFlight      jobs running while it was taken
   * @param loadedClasses classes loaded at that moment
   * @param threads       live threads at that moment
   *                      (these three are -1 when unknown: DESIGN's sample shape does not require them)
   * @param jobsAfter     jobs completed when the sample's work (census, model, report) was done, -1
   *                      when unknown: the jobs from {@code jobs} to it ran during that work, and the
   *                      next census is due {@code every} jobs after {@code jobs}
   */
  public record Sample(long jobs, long uptimeMs, long liveBytes, long liveObjects, long censusMs,
                       long inFlight, long loadedClasses, long threads, long jobsAfter) {

    /** The same census, its work done by {@code jobs} completed jobs. */
    public Sample doneAt(long jobs) {
      return new Sample(this.jobs, uptimeMs, liveBytes, liveObjects, censusMs, inFlight, loadedClasses, threads, jobs);
    }
  }

  /**
   * A root that holds a suspect, and the path from it.
   *
   * @param root        e.g. {@code static com.acme.Worker.processed}
   * @param path        types (with field names where known) from the root to the suspect
   * @param bytesPerJob how much the root's reachable set grows per job
   * @param bytes       what of the suspect it holds along this path now (the latest walk's sizes),
   *                    -1 when unknown (reports of earlier versions)
   */
  public record Root(String root, List<String> path, double bytesPerJob, long bytes) {
    public Root {
      path = List.copyOf(path);
    }

    /** A root whose current bytes are not known. */
    public Root(String root, List<String> path, double bytesPerJob) {
      this(root, path, bytesPerJob, -1);
    }
  }

  /** @param frames innermost first, {@code Class.method(File.java:42)} */
  public record AllocationSite(List<String> frames, long survivors) {
    public AllocationSite {
      frames = List.copyOf(frames);
    }
  }

  /** A growth-model suspect plus what explains it (roots, allocation sites), where known. */
  public record SuspectReport(dev.leakhunter.growth.Suspect suspect, List<Root> roots,
                              List<AllocationSite> allocationSites) {
    public SuspectReport {
      roots = List.copyOf(roots);
      allocationSites = List.copyOf(allocationSites);
    }
  }
}
