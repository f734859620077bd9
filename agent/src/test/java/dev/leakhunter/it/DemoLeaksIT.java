package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo daemon's leaks under the real agent: each is named, and the healthy daemon is not. */
class DemoLeaksIT {

  static final String JOBS = "jobs=dev.leakhunter.demo.Worker#handle";
  // Long enough that a slow agent start on a busy machine (warm-up census, class loading) still
  // leaves the sampler most of the run.
  static final int RUN_JOBS = 1200;
  // Sampling is asynchronous: at the demo's full speed (~10,000 jobs/s) 600 jobs would be over before
  // a few censuses of ~20 ms each; at 80 jobs/s every=20 samples at about every 20 jobs, also on a
  // loaded machine (at a load of 7-12 on 2 cores the first census came after 2-5 s: at 120 to 500
  // jobs/s, too late for 8 samples in 600 jobs).
  static final int RATE = 80;

  @ParameterizedTest(name = "--leak={0} plants {1}")
  @CsvSource({
      "processed-log,  dev.leakhunter.demo.orders.Order",
      "template-cache, dev.leakhunter.demo.mail.TemplateClassLoader",
      "async-save,     dev.leakhunter.demo.avatar.Member",
  })
  void eachDemoLeakIsNamedWithItsPerJobGrowth(String leak, String plantedType) throws Exception {
    ForkedJvm demo = ForkedJvm.demo("leak-" + leak, JOBS + ",every=20", "--leak=" + leak, "--jobs=" + RUN_JOBS, "--rate=" + RATE,
        "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());

    Map<String, Object> report = demo.reportJson();
    assertEquals("leak", report.get("verdict"), demo.outputs() + "\n" + demo.reportText());
    Map<String, Object> planted = suspect(report, plantedType);
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) report.get("suspects")).get(0);
    assertEquals(plantedType, first.get("type"), "the planted type leads the first cluster\n" + demo.reportText());
    // Every third job is of the leaking kind and keeps one planted object.
    double perJob = ((Number) planted.get("instancesPerJob")).doubleValue();
    assertEquals(1.0 / 3, perJob, 0.05, plantedType + " per job");
    assertTrue(((Number) planted.get("bytesPerJob")).doubleValue() > 0);
    assertEquals(RUN_JOBS, jobs(report, "completed"));
    assertTrue(demo.reportText().contains(plantedType), demo.reportText());
    assertTrue(demo.stderr().contains("[leakhunter] jobs="), "a log line per sample\n" + demo.outputs());
    assertFalse(demo.stderr().contains("WARNING"), "no JVM warning caused by the agent\n" + demo.stderr());
    whatItCostsIsTheLiveHeapsGrowth(demo, report);
  }

  /**
   * The leak's bytes per job (its types together) against the whole live heap's growth per job,
   * from the samples' totals over the newer half of the run (the planted leak is all that grows),
   * and the projection in every format and in the log.
   */
  @SuppressWarnings("unchecked")
  private static void whatItCostsIsTheLiveHeapsGrowth(ForkedJvm demo, Map<String, Object> report) throws Exception {
    List<Map<String, Object>> samples = (List<Map<String, Object>>) report.get("samples");
    Map<String, Object> from = samples.get(samples.size() / 2);
    Map<String, Object> to = samples.get(samples.size() - 1);
    double heapPerJob = (((Number) to.get("liveBytes")).doubleValue() - ((Number) from.get("liveBytes")).doubleValue())
        / (((Number) to.get("jobs")).doubleValue() - ((Number) from.get("jobs")).doubleValue());
    Map<String, Object> leak = ((List<Map<String, Object>>) report.get("exhaustion")).get(0);
    double leakPerJob = ((Number) leak.get("bytesPerJob")).doubleValue();
    String context = "the leak " + leakPerJob + " B/job, the live heap " + heapPerJob + " B/job\n" + demo.reportText();
    assertEquals(heapPerJob, leakPerJob, 0.25 * heapPerJob, context);
    assertTrue(((String) leak.get("text")).startsWith("at "), context);
    assertTrue(demo.reportText().contains("runs out: at "), context);
    assertTrue(java.nio.file.Files.readString(demo.reportDir().resolve("leakhunter-report.html")).contains("runs out: at "),
        "the HTML report says it too");
    assertTrue(demo.stderr().contains("[leakhunter] leak 1: at "), "said when the verdict turned\n" + demo.stderr());
  }

  @ParameterizedTest(name = "--leak={0} is held by {2}")
  @CsvSource({
      "processed-log,  dev.leakhunter.demo.orders.Order,             dev.leakhunter.demo.Worker.processed (job receiver)",
      "template-cache, dev.leakhunter.demo.mail.TemplateClassLoader, static dev.leakhunter.demo.mail.TemplateCache.COMPILED",
      "async-save,     dev.leakhunter.demo.avatar.Member,            dev.leakhunter.demo.avatar.AvatarStore.connected",
  })
  @SuppressWarnings("unchecked")
  void eachDemoLeakNamesTheFieldThatHoldsIt(String leak, String plantedType, String plantedField) throws Exception {
    // Longer than the run above (5 s): the first walk (before the baseline census, up to ~0.9 s on a
    // busy JDK 25) and a walk per sample take their time, and roots are ranked across walks.
    ForkedJvm demo = ForkedJvm.demo("roots-" + leak, JOBS + ",every=20", "--leak=" + leak, "--jobs=1500",
        "--rate=300", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());

    Map<String, Object> report = demo.reportJson();
    assertEquals("leak", report.get("verdict"), demo.outputs() + "\n" + demo.reportText());
    List<Map<String, Object>> suspects = (List<Map<String, Object>>) report.get("suspects");
    Map<String, Object> lead = suspects.get(0);
    List<Map<String, Object>> roots = (List<Map<String, Object>>) lead.get("roots");
    assertFalse(roots.isEmpty(), "the first suspect has roots\n" + demo.reportText() + demo.stderr());
    Map<String, Object> root = roots.get(0);
    List<String> path = (List<String>) root.get("path");
    String chain = root.get("root") + " -> " + String.join(" -> ", path);
    // The planted field is the root itself, or a hop of the path from a receiver's field to it.
    assertTrue(root.get("root").equals(plantedField) || path.stream().anyMatch(hop -> hop.startsWith(plantedField)),
        "the first root of " + lead.get("type") + " names " + plantedField + ": " + chain + "\n" + demo.reportText());
    assertEquals(lead.get("type"), path.get(path.size() - 1), chain);

    // and the planted type's own first root leads to it through the same field
    List<Map<String, Object>> plantedRoots = (List<Map<String, Object>>) suspect(report, plantedType).get("roots");
    assertFalse(plantedRoots.isEmpty(), plantedType + " has roots\n" + demo.reportText());
    List<String> plantedPath = (List<String>) plantedRoots.get(0).get("path");
    assertEquals(plantedType, plantedPath.get(plantedPath.size() - 1));
    assertTrue(plantedRoots.get(0).get("root").equals(plantedField)
        || plantedPath.stream().anyMatch(hop -> hop.startsWith(plantedField)), plantedRoots.toString());
    assertTrue(demo.stderr().contains("[leakhunter] roots: walked "), demo.stderr());
    assertFalse(demo.stderr().contains("WARNING"), "no JVM warning caused by the agent\n" + demo.stderr());
  }

  @Test
  void theHealthyDaemonHasNoSuspects() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("leak-none", JOBS + ",every=20", "--leak=none", "--jobs=" + RUN_JOBS, "--rate=" + RATE,
        "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());

    Map<String, Object> report = demo.reportJson();
    assertEquals(List.of(), report.get("suspects"), demo.reportText());
    assertEquals("no-leak", report.get("verdict"), demo.reportText());
    // A verdict rests on at least 8 samples, each after more jobs than the one before. (How many
    // more than 8 depends on how busy the machine is: sampling is asynchronous.)
    List<?> samples = (List<?>) report.get("samples");
    assertTrue(samples.size() >= 8, "samples: " + samples.size());
    long previous = -1;
    for (Object s : samples) {
      long jobs = ((Number) ((Map<?, ?>) s).get("jobs")).longValue();
      assertTrue(jobs > previous, "samples in job order: " + samples);
      previous = jobs;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> suspect(Map<String, Object> report, String type) {
    List<Map<String, Object>> suspects = (List<Map<String, Object>>) report.get("suspects");
    return suspects.stream().filter(s -> type.equals(s.get("type"))).findFirst()
        .orElseThrow(() -> new AssertionError(type + " is not among the suspects: "
            + suspects.stream().map(s -> (String) s.get("type")).collect(Collectors.joining(", "))));
  }

  @SuppressWarnings("unchecked")
  static long jobs(Map<String, Object> report, String field) {
    return ((Number) ((Map<String, Object>) report.get("jobs")).get(field)).longValue();
  }
}
