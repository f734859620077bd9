package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a leak fills the heap, from the report's own figures. */
class ExhaustionTest {
  private static final long MB = 1L << 20;
  /** A hunt's report carries its ledger; a JUnit check's does not. */
  private static final Report.Cost COST = new Report.Cost(60_000, 300, 400, 200, 100, 0, -1, -1, 2, 400 * MB, 388 * MB, 1, 20_000, 300_000);

  @Test
  void eachLeakGrowsByItsTypesTogetherAtTheRecentJobRate() {
    // Reports.leak(): samples every 40 jobs, 25 ms a job (40 jobs/s), 14,973,200 B live at job
    // 400 of a 512 MB heap; leak 1 is OrderRecord (+88 B) and String (+24 B), leak 2 Thread (+92 B)
    // and a lambda (+4 B).
    List<Exhaustion> leaks = Exhaustion.of(Reports.leak());
    assertEquals(2, leaks.size());
    Exhaustion first = leaks.get(0);
    assertEquals(1, first.cluster());
    assertEquals(112.0, first.bytesPerJob(), 1e-9);
    assertEquals(40.0, first.jobsPerSecond(), 1e-9);
    assertEquals(512 * MB - 14_973_200, first.remainingBytes());
    assertEquals((512 * MB - 14_973_200) / 112.0, first.jobs(), 1e-6);
    assertEquals(first.jobs() / 40, first.seconds(), 1e-6);
    assertEquals("at 40 jobs/s this leak fills the remaining 497.7 MB of heap in about 32 h (~4.7 million jobs)",
        first.sentence());
    assertEquals(96.0, leaks.get(1).bytesPerJob(), 1e-9);
  }

  @Test
  void noProjectionIsSaidPlainly() {
    Report r = Reports.leak();
    Report unlimited = new Report(r.schema(), r.tool(), new Report.Jvm(1, "17", "G1", -1), r.options(), r.jobs(),
        r.samples(), r.verdict(), r.note(), r.suspects());
    assertEquals("no projection: the heap has no maximum", Exhaustion.of(unlimited).get(0).sentence());
    assertTrue(Double.isNaN(Exhaustion.of(unlimited).get(0).jobs()));

    Report oneSample = new Report(r.schema(), r.tool(), r.jvm(), r.options(), r.jobs(), r.samples().subList(0, 1),
        r.verdict(), r.note(), r.suspects());
    Exhaustion noRate = Exhaustion.of(oneSample).get(0);
    assertTrue(Double.isNaN(noRate.jobsPerSecond()));
    assertTrue(noRate.sentence().endsWith("(the job rate is not known yet)"), noRate.sentence());

    Report countOnly = Reports.leakOf(new Suspect("com.acme.Flag", 1.0, 0.0, 0.99, 1, Reports.series(1.0, 0, 200)),
        List.of(), List.of());
    assertEquals("no projection: the leak's types do not grow in bytes", Exhaustion.of(countOnly).get(0).sentence());

    List<Report.Sample> full = List.of(new Report.Sample(40, 1_000, 600 * MB, 1, 1, 0, -1, -1, -1),
        new Report.Sample(80, 2_000, 620 * MB, 1, 1, 0, -1, -1, -1));
    Report overMax = new Report(r.schema(), r.tool(), r.jvm(), r.options(), r.jobs(), full, r.verdict(), r.note(),
        r.suspects());
    assertEquals("the heap is full: 620.0 MB live of its 512.0 MB maximum", Exhaustion.of(overMax).get(0).sentence());

    assertTrue(Exhaustion.of(Reports.noLeak()).isEmpty());
    assertTrue(Exhaustion.of(Reports.inconclusive()).isEmpty());
  }

  @Test
  void theRateIsTheRecentHalfsNotTheStartUps() {
    // 10 jobs/s for the first 5 samples, then 100 jobs/s.
    List<Report.Sample> samples = new java.util.ArrayList<>();
    long jobs = 0;
    long ms = 0;
    for (int i = 0; i < 10; i++) {
      jobs += i < 5 ? 10 : 100;
      ms += 1_000;
      samples.add(new Report.Sample(jobs, ms, 10 * MB, 1, 1, 0, -1, -1, -1));
    }
    assertEquals(100.0, Exhaustion.jobsPerSecond(samples), 1e-9);
    assertTrue(Double.isNaN(Exhaustion.jobsPerSecond(samples.subList(0, 1))));
  }

  @Test
  void durationsAndJobCountsReadAsRoughFigures() {
    assertEquals("40 s", Exhaustion.duration(40));
    assertEquals("12 min", Exhaustion.duration(12 * 60));
    assertEquals("3.5 h", Exhaustion.duration(3.5 * 3600));
    assertEquals("18 h", Exhaustion.duration(18 * 3600));
    assertEquals("4.2 days", Exhaustion.duration(4.2 * 86_400));
    assertEquals("~850 jobs", Exhaustion.approxJobs(850));
    assertEquals("~12 thousand jobs", Exhaustion.approxJobs(12_300));
    assertEquals("~20 million jobs", Exhaustion.approxJobs(20.2e6));
    assertEquals("~2.5 billion jobs", Exhaustion.approxJobs(2.5e9));
  }

  @Test
  void theTextHtmlAndJsonReportsSayIt() {
    Report hunt = Reports.leak().withCost(COST);
    String text = TextReport.render(hunt);
    assertTrue(text.contains("runs out: leak 1: at 40 jobs/s this leak fills the remaining 497.7 MB of heap in about 32 h"
        + " (~4.7 million jobs)\nruns out: leak 2: at 40 jobs/s"), text);
    assertTrue(text.indexOf("runs out:") < text.indexOf("Leak 1:"), "at the top: " + text);
    String html = HtmlReport.render(hunt);
    assertTrue(html.contains("<p class=\"runs-out\">runs out: leak 1: at 40 jobs/s this leak fills"), html);
    String json = ReportJson.write(hunt);
    assertTrue(json.contains("\"exhaustion\""), json);
    java.util.Map<?, ?> first = (java.util.Map<?, ?>) ((List<?>) ((java.util.Map<?, ?>) Json.parse(json))
        .get("exhaustion")).get(0);
    assertEquals(1L, first.get("cluster"));
    assertEquals(112.0, ((Number) first.get("bytesPerJob")).doubleValue(), 1e-9);
    assertEquals(40.0, ((Number) first.get("jobsPerSecond")).doubleValue(), 1e-9);
    assertEquals(512 * MB, first.get("maxHeapBytes"));
    assertTrue(((String) first.get("text")).startsWith("at 40 jobs/s"), json);
    // Derived, not read back: the report reads as before, and writes the same again.
    assertEquals(json, ReportJson.write(ReportJson.read(json)));
    assertFalse(ReportJson.write(Reports.noLeak()).contains("exhaustion"));
  }

  @Test
  void aJUnitChecksReportCountsPerMillionJobs() {
    Report check = Reports.leak();
    String text = TextReport.render(check);
    assertTrue(text.contains("runs out: leak 1: +106.8 MB per million jobs: the remaining 497.7 MB of heap lasts"
        + " ~4.7 million jobs"), text);
    assertEquals(Verdict.LEAK, check.verdict());
  }
}
