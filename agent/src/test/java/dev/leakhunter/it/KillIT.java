package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.report.Report;
import dev.leakhunter.report.ReportJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost to {@code kill -9}: the demo under the agent, killed at 20 moments of a hunt that
 * rewrites its reports often (flat out, a census every 5 jobs: writes are going on most of the
 * time), leaves each time a JSON report that reads back whole, and text and HTML reports that end
 * where they should. The moments are drawn from a seed printed with any failure.
 */
class KillIT {
  static final int KILLS = 20;

  @Test
  void aHuntKilledAtAnyMomentLeavesACompleteReport() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> moments = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      ForkedJvm demo = ForkedJvm.demo("kill-" + k, DemoLeaksIT.JOBS + ",every=5", "--leak=processed-log",
          "--jobs=10000000", "--rate=0", "--heartbeat=0");
      Path json = demo.reportDir().resolve("leakhunter-report.json");
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(json) && demo.process.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertTrue(Files.exists(json), "a first report\n" + demo.outputs());
        long after = random.nextInt(1_500);
        Thread.sleep(after);
        moments.add(after + " ms");
      } finally {
        demo.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        demo.process.waitFor(30, TimeUnit.SECONDS);
      }
      String context = "kill " + k + " at " + moments + " after the first report (seed " + seed + ")\n" + demo.outputs();
      assertEquals(137, demo.process.exitValue(), "killed by SIGKILL\n" + context);
      String text = Files.readString(json, StandardCharsets.UTF_8);
      Report report = ReportJson.read(text);
      assertTrue(report.jobs().completed() > 0, context);
      assertFalse(report.samples().isEmpty(), context);
      String txt = Files.readString(demo.reportDir().resolve("leakhunter-report.txt"), StandardCharsets.UTF_8);
      assertTrue(txt.contains("verdict: ") && txt.endsWith("\n"), "a whole text report\n" + txt + context);
      String html = Files.readString(demo.reportDir().resolve("leakhunter-report.html"), StandardCharsets.UTF_8);
      assertTrue(html.trim().endsWith("</html>"), "a whole HTML report\n" + context);
    }
  }
}
