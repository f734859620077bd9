package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, load: a daemon doing 50,000 very short jobs a second for a minute under the default
 * options. The application runs normally, the hunt keeps to its budget by its own ledger (the
 * throughput with vs without the agent is a benchmark: docs/performance.md, table 6), and the
 * agent's own memory is the same after millions of jobs as after the first few hundred thousand.
 */
class LoadIT {

  /** The budget (`overhead=2`) plus what the start-up loan may still owe after a minute. */
  static final double CENSUS_SHARE_BOUND = 3.0;
  /** The live heap may differ by this much between two censuses of a flat host. */
  static final long LIVE_HEAP_SLACK = 512 * 1024;
  /** The agent's own objects may differ by this much between two censuses: noise, not growth. */
  static final long OWN_MEMORY_SLACK = 64 * 1024;

  @Test
  void fiftyThousandJobsASecondForAMinute() throws Exception {
    ForkedJvm jvm = ForkedJvm.catalogue("load", CatalogueIT.JOBS, "BoundedLru", "--jobs=3000000", "--rate=50000",
        "--seconds=60");
    // The report is rewritten at least every 10 s while the hunt samples: its agent's own memory
    // after the first ~20 s, against the final one's.
    Path json = jvm.reportDir().resolve("leakhunter-report.json");
    long early = -1;
    long earlyJobs = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
    while (System.nanoTime() < deadline && jvm.process.isAlive()) {
      Thread.sleep(500);
    }
    if (Files.exists(json)) {
      Map<String, Object> report = jvm.reportJson();
      early = ownObjects(report);
      earlyJobs = DemoLeaksIT.jobs(report, "completed");
    }
    assertEquals(0, jvm.waitFor(180), jvm.outputs());

    Map<String, Object> report = jvm.reportJson();
    String context = jvm.outputs() + "\n" + jvm.reportText();
    long completed = DemoLeaksIT.jobs(report, "completed");
    assertTrue(jvm.stdout().contains("stopped after " + completed + " jobs"), "every job counted\n" + context);
    assertTrue(completed >= 1_000_000, "the load ran: " + completed + " jobs\n" + context);
    assertEquals("no-leak", report.get("verdict"), context);
    assertEquals(List.of(), report.get("suspects"), context);

    @SuppressWarnings("unchecked")
    Map<String, Object> cost = (Map<String, Object>) report.get("cost");
    double wall = number(cost, "wallMs");
    double censuses = 100 * (number(cost, "censusPauseMs") + number(cost, "samplerMs")) / wall;
    double explaining = 100 * number(cost, "explainingMs") / wall;
    assertTrue(censuses <= CENSUS_SHARE_BOUND, "censuses " + censuses + "% of the wall time\n" + context);
    assertTrue(explaining <= CENSUS_SHARE_BOUND, "explaining " + explaining + "% of the wall time\n" + context);

    // The whole live heap too (the agent's JDK objects, its series and maps, are not told apart by
    // type): the host is flat after its first 150 jobs, so from job 200,000 on, so is the heap.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> samples = (List<Map<String, Object>>) report.get("samples");
    Map<String, Object> from = samples.stream().filter(s -> number(s, "jobs") >= 200_000).findFirst().orElseThrow();
    Map<String, Object> to = samples.get(samples.size() - 1);
    double grown = number(to, "liveBytes") - number(from, "liveBytes");
    assertTrue(Math.abs(grown) <= LIVE_HEAP_SLACK, "the live heap moved by " + grown + " bytes from job "
        + from.get("jobs") + " to job " + to.get("jobs") + "\n" + context);

    assertTrue(early > 0 && earlyJobs > 0, "a report written while the load ran\n" + context);
    long last = ownObjects(report);
    assertTrue(Math.abs(last - early) <= OWN_MEMORY_SLACK, "the agent's own objects: " + early + " bytes at job "
        + earlyJobs + ", " + last + " at job " + completed + "\n" + context);
  }

  private static double number(Map<String, Object> map, String field) {
    return ((Number) map.get(field)).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static long ownObjects(Map<String, Object> report) {
    return ((Number) ((Map<String, Object>) report.get("cost")).get("agentObjectsBytes")).longValue();
  }
}
