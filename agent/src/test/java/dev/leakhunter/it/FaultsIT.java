package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, faults inside the agent, injected through its test-only switch
 * ({@code -Dleakhunter.fault=...}, see {@code common.Faults}): a census failing, a walk failing on
 * an object, the advice woven into a suspect's constructor failing on the host's own thread, every
 * report write failing half-way (a full disk). Each time the demo runs its jobs to the end and exits
 * 0, the agent says so in its log with a stack trace ({@code debug=true}), and the report (or, when
 * none can be written, the log) says what failed and keeps what is still known.
 */
class FaultsIT {

  static final String LEAD = "dev.leakhunter.demo.orders.Order";
  static final int JOBS = 3_000;

  private static ForkedJvm run(String fault) throws Exception {
    ForkedJvm demo = ForkedJvm.start("fault-" + fault, List.of(), ForkedJvm.JAVA,
        List.of("-Dleakhunter.fault=" + fault), DemoLeaksIT.JOBS + ",every=100,debug=true",
        "--leak=processed-log", "--jobs=" + JOBS, "--rate=1000", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), "the application ends normally\n" + demo.outputs());
    assertTrue(demo.stdout().contains("stopped after " + JOBS + " jobs"), demo.outputs());
    String err = demo.stderr();
    assertTrue(err.contains("fault injected at " + fault), "the agent says what failed\n" + demo.outputs());
    assertTrue(err.contains("[leakhunter]   \tat dev.leakhunter."), "with its stack trace (debug=true)\n" + demo.outputs());
    assertFalse(err.contains("Exception in thread"), "nothing thrown into the application\n" + demo.outputs());
    return demo;
  }

  private static String note(Map<String, Object> report) {
    return String.valueOf(report.get("note"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lead(Map<String, Object> report, String context) {
    List<Map<String, Object>> suspects = (List<Map<String, Object>>) report.get("suspects");
    assertFalse(suspects.isEmpty(), context);
    assertEquals(LEAD, suspects.get(0).get("type"), context);
    return suspects.get(0);
  }

  @Test
  void aCensusThatFailsStopsTheSamplingNotTheApplication() throws Exception {
    ForkedJvm demo = run("census");
    Map<String, Object> report = demo.reportJson();
    String context = demo.outputs() + "\n" + demo.reportText();
    assertEquals("inconclusive", report.get("verdict"), context);
    assertTrue(note(report).contains("the agent's own work failed"), context);
    assertTrue(note(report).contains("sampling stopped after 3 failed censuses in a row"), context);
    assertTrue(demo.stderr().contains("stopped sampling after 3 failed censuses in a row"), context);
  }

  @Test
  void aWalkThatFailsLeavesTheLeakWithoutItsRoots() throws Exception {
    ForkedJvm demo = run("walk");
    Map<String, Object> report = demo.reportJson();
    String context = demo.outputs() + "\n" + demo.reportText();
    assertEquals("leak", report.get("verdict"), context);
    assertEquals(List.of(), lead(report, context).get("roots"), context);
    assertTrue(note(report).contains("finding roots: "), context);
  }

  @Test
  void adviceThatFailsInTheHostsConstructorsLeavesTheLeakWithoutSites() throws Exception {
    ForkedJvm demo = run("advice");
    Map<String, Object> report = demo.reportJson();
    String context = demo.outputs() + "\n" + demo.reportText();
    assertEquals("leak", report.get("verdict"), context);
    assertEquals(List.of(), lead(report, context).get("allocationSites"), context);
    assertTrue(note(report).contains("following allocations: "), context);
    // Every job of the demo constructs Orders, through the failing advice: all completed above.
  }

  @Test
  void aDiskFullAtEveryWriteLosesNothing() throws Exception {
    ForkedJvm demo = run("report");
    Path dir = demo.reportDir();
    try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
      List<Path> left = files.toList();
      assertEquals(List.of(), left, "no report, and no half-written or temporary file\n" + demo.outputs());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String err = demo.stderr();
    assertTrue(err.contains("No space left on device"), demo.outputs());
    assertTrue(err.contains("the final report could not be written to"), demo.outputs());
    assertTrue(err.contains("verdict: LEAK"), demo.outputs());
    assertTrue(err.contains(LEAD), "the leak's lead, in the log\n" + demo.outputs());
  }
}
