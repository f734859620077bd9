package dev.leakhunter.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.census.Census;
import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import dev.leakhunter.census.ProbeReading;
import dev.leakhunter.growth.GrowthModel;
import dev.leakhunter.growth.GrowthSettings;
import dev.leakhunter.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePipelineTest {

  private final SamplePipeline pipeline = new SamplePipeline(AgentPackages.hostObjects(List.of()));

  @Test
  void theSampleIsTheCensusAsTakenWithTheProbesReadBeforeIt() {
    GrowthModel model = new GrowthModel(GrowthSettings.defaults());
    SamplePipeline.Found found = pipeline.add(model, taken(40, 3), false, 41);

    Report.Sample s = found.sample();
    assertEquals(40, s.jobs());
    assertEquals(96_000, s.liveBytes(), "the census's own total, the agent's objects included");
    assertEquals(2_000, s.liveObjects());
    assertEquals(7, s.censusMs());
    assertEquals(3, s.inFlight());
    assertEquals(1_234, s.loadedClasses());
    assertEquals(17, s.threads());
    assertEquals(41, s.jobsAfter());
    assertEquals(1, found.histogram().rows().size(), "the host's objects only");
    assertEquals(1, model.samples());
    assertNull(found.analysis(), "no verdict asked for");
  }

  @Test
  void theVerdictWhenAskedFor() {
    GrowthModel model = new GrowthModel(GrowthSettings.defaults());
    SamplePipeline.Taken taken = taken(40, 0);
    Histogram host = pipeline.hostObjects(taken.census());
    SamplePipeline.Found found = pipeline.add(model, taken, host, true, -1);
    assertNotNull(found.analysis());
    assertEquals(1, found.analysis().samplesUsed());
    assertEquals(-1, found.sample().jobsAfter());
  }

  private static SamplePipeline.Taken taken(long jobs, long inFlight) {
    Histogram histogram = new Histogram(List.of(
        new HistogramRow("com.acme.Order", 100, 4_800, 1),
        new HistogramRow("dev.leakhunter.growth.SampleStore", 1, 48, 1)), 2_000, 96_000);
    ProbeReading probes = new ProbeReading(1 << 20, 1 << 19, 1_234, 17, 1 << 16, 9);
    return new SamplePipeline.Taken(jobs, inFlight, probes, new Census.Result(histogram, 7_400_000, true));
  }
}
