package dev.leakhunter.agent;

import dev.leakhunter.allocation.AllocationTracking;
import dev.leakhunter.census.Census;
import dev.leakhunter.census.CensusException;
import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import dev.leakhunter.census.ProbeReading;
import dev.leakhunter.census.Probes;
import dev.leakhunter.growth.Analysis;
import dev.leakhunter.growth.GrowthModel;
import dev.leakhunter.growth.GrowthSettings;
import dev.leakhunter.growth.Plateau;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.hunt.ReportBuilder;
import dev.leakhunter.hunt.SamplePipeline;
import dev.leakhunter.hunt.Samples;
import dev.leakhunter.report.Report;
import dev.leakhunter.report.ReportFormat;
import dev.leakhunter.report.ReportWriter;
import dev.leakhunter.report.SampleLine;
import dev.leakhunter.report.TraceDot;
import dev.leakhunter.retention.Explanation;
import dev.leakhunter.retention.Retention;
import dev.leakhunter.retention.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Runs every path of the model and the report writers once, on made-up data, before the baseline
 * census. The first run of a code path leaves objects behind in the JDK's own types (classes
 * loaded, lambda and method-handle forms spun, caches filled); taken mid-hunt, that is a growth
 * step the agent made itself, and it showed up as a false suspect on healthy daemons.
 *
 * <p>Public for the JUnit API ({@code dev.leakhunter.junit}), whose censuses see the same first-run objects.
 */
public final class AgentWarmup {

  private AgentWarmup() {
  }

  /**
   * Runs the retention walk once with a target, path building and the DOT writer included, on a
   * made-up holder: the same first-run effects as above, for the code that explains suspects.
   */
  static void exercise(Retention full, Path out) throws IOException {
    Retention retention = full.receiversOnly();
    Holder holder = new Holder();
    for (int i = 0; i < 4; i++) {
      holder.kept.add(new Kept());
    }
    List<Object> receivers = List.of(holder);
    String type = Kept.class.getName();
    for (int i = 1; i <= 2; i++) {
      Explanation e = retention.explain(i * 10L, List.of(new Target(type, 16)), receivers);
      TraceDot.render(type, ReportBuilder.roots(e, type));
    }
    retention.explain(30L, List.of(), receivers);
    Path scratch = scratch(out, ".warmup-trace");
    try {
      TraceDot.write(scratch, type, List.of(new Report.Root("static warmup.Holder.FIELD", List.of(type), 1.0)));
    } finally {
      Files.deleteIfExists(scratch.resolve(TraceDot.fileName(type)));
      Files.deleteIfExists(scratch);
    }
  }

  /**
   * Where a warm-up writes its throwaway files: under {@code out}, or in a temporary directory when
   * {@code out} cannot be made. An {@code out} the agent cannot write is said once, by the first
   * report; the warm-up must still run the writers, or their first run (and the other warm-up steps
   * after it) would fall mid-hunt, and leave their JDK objects in the censuses as a growth step.
   */
  private static Path scratch(Path out, String name) throws IOException {
    Path dir = out.toAbsolutePath();
    try {
      ReportWriter.createDirectories(dir);
      if (Files.isWritable(dir)) {
        return dir.resolve(name);
      }
    } catch (IOException | SecurityException e) {
      // below: the same code path, in a place that can be written
    }
    return Files.createTempDirectory("leakhunter" + name);
  }

  /** A job receiver of the warm-up walk. */
  private static final class Holder {
    final List<Kept> kept = new ArrayList<>();
  }

  private static final class Kept {
  }

  /**
   * @return the throwaway census (host objects only), for {@link GrowthModel#reserve}
   */
  public static Histogram exercise(Path out) throws IOException, CensusException {
    // A first census pays for JMX start-up, class loading and cold code (~100-200 ms); taken here,
    // at agent start, it costs the host one extra full GC and keeps that cold cost out of the
    // overhead budget, which would otherwise hold the next census back for seconds.
    ProbeReading probes = Probes.read();
    AllocationTracking.exercise();
    SamplePipeline pipeline = new SamplePipeline(AgentPackages.hostObjects(List.of()));
    Histogram census = pipeline.hostObjects(Census.take());
    GrowthModel model = new GrowthModel(GrowthSettings.defaults());
    List<Analysis> analyses = new ArrayList<>();
    analyses.add(model.analyze());
    // Through the pipeline and into a ring that fills, as a hunt's censuses go.
    Samples samples = new Samples(2);
    for (int i = 1; i <= 2 * GrowthSettings.defaults().minSamples(); i++) {
      Histogram made = new Histogram(List.of(
          new HistogramRow("warmup.Leaking", i * 10L, i * 160L, 1),
          new HistogramRow("warmup.Leaking$Node", i * 10L, i * 320L, 1),
          new HistogramRow("warmup.Flat", 100, 1600, 2)), 0, 0);
      SamplePipeline.Taken taken = new SamplePipeline.Taken(i * 10L, 0, probes, new Census.Result(made, 1, true));
      SamplePipeline.Found found = pipeline.add(model, taken, made, true, -1);
      analyses.add(found.analysis());
      samples.add(found.sample());
      samples.doneAt(i * 10L + 2);
    }
    Report.Sample sample = new Report.Sample(10, 1, 1, 1, 1, 0, 1, 1, 12);
    Path scratch = scratch(out, ".warmup");
    try {
      Analysis leak = analyses.get(analyses.size() - 1);
      Report last = null;
      for (Verdict v : Verdict.values()) {
        for (List<Suspect> found : List.of(leak.suspects(), List.<Suspect>of())) {
          List<Report.SuspectReport> suspects = new ArrayList<>();
          for (Suspect s : found) {
            suspects.add(new Report.SuspectReport(s,
                List.of(new Report.Root("static warmup.Holder.FIELD", List.of("java.util.ArrayList", s.type()), 1.0)),
                List.of(new Report.AllocationSite(List.of("warmup.Holder.add(Holder.java:1)"), 1))));
          }
          Report r = new Report(Report.SCHEMA, new Report.Tool("leakhunter", "warmup"), JvmFacts.current(),
              Map.of("jobs", "warmup.Job#run"), new Report.Jobs(1, 0, 0), samples.list(), v, "warm-up", suspects,
              null, List.of(new Plateau("warmup.Cache$Entry", 64, 2_048, 1, 1)));
          SampleLine.format(sample, v, found);
          for (ReportFormat f : ReportFormat.values()) {
            f.render(r);
          }
          last = r;
        }
      }
      // Written once, without forcing the data to the disk: forcing each of 18 files cost the
      // host's start ~100 ms (measured), and the code path is the same.
      ReportWriter.writeInterim(scratch, last, EnumSet.allOf(ReportFormat.class));
    } finally {
      for (ReportFormat f : ReportFormat.values()) {
        Files.deleteIfExists(scratch.resolve(f.fileName()));
      }
      Files.deleteIfExists(scratch);
    }
    return census;
  }
}
