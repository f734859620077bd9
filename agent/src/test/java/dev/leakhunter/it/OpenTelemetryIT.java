package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The MBeans as the OpenTelemetry Java agent exports them: the demo under leakhunter and the real
 * OpenTelemetry Java agent (from Maven Central, pinned in the parent pom) with the JMX rules of
 * examples/opentelemetry/leakhunter.yaml (docs/fleet.md), its metrics written by its logging
 * exporter every second, read back from the demo's stderr.
 */
class OpenTelemetryIT {
  static final Path OTEL = Path.of(System.getProperty("leakhunter.it.otelAgent"));
  static final Path RULES = ForkedJvm.AGENT_JAR.getParent().getParent().getParent()
      .resolve("examples/opentelemetry/leakhunter.yaml");
  private static final Pattern ORDER_BYTES = Pattern.compile("name=leakhunter\\.suspect\\.bytes_per_job,.*?"
      + "attributes=\\{[^}]*type=\"dev\\.leakhunter\\.demo\\.orders\\.Order\"[^}]*\\}, value=([-0-9.E]+)");
  private static final Pattern LEAKING = Pattern.compile("name=leakhunter\\.leaking,.*?value=([0-9]+)");

  @Test
  void theAgentsJmxRulesExportThePlantedTypesGrowth() throws Exception {
    assertTrue(Files.isRegularFile(OTEL), "the build copies the OpenTelemetry agent to " + OTEL);
    assertTrue(Files.readString(RULES.getParent().getParent().getParent().resolve("docs/fleet.md"))
        .contains(Files.readString(RULES)), "docs/fleet.md shows the rules this test runs");
    ForkedJvm demo = ForkedJvm.start("opentelemetry", List.of(), ForkedJvm.JAVA,
        List.of("-javaagent:" + OTEL, "-Dotel.jmx.config=" + RULES, "-Dotel.metrics.exporter=logging",
            "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none", "-Dotel.metric.export.interval=1000",
            "-Dotel.jmx.discovery.delay=1000"),
        DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log", "--rate=" + DemoLeaksIT.RATE, "--heartbeat=0");
    try {
      double orderBytes = Double.NaN;
      long deadline = System.nanoTime() + 90_000_000_000L;
      while (System.nanoTime() < deadline && demo.process.isAlive() && Double.isNaN(orderBytes)) {
        Thread.sleep(500);
        orderBytes = last(ORDER_BYTES, demo.stderr());
      }
      String err = demo.stderr();
      assertTrue(!Double.isNaN(orderBytes), "the planted type's series\n" + demo.outputs());
      // An Order of ~56 bytes every third job (the demo's processed-log leak).
      assertEquals(56.0 / 3, orderBytes, 6.0, "the planted type's bytes per job");
      assertEquals(1.0, last(LEAKING, err), "leakhunter.leaking");
      assertTrue(err.contains("name=leakhunter.jobs.completed,"), "the hunt's gauges too");
      assertTrue(err.contains("MBean dev.leakhunter:type=LeakHunter registered, with"
          + " dev.leakhunter:type=LeakSuspect,rank=1 to 10 (the JVM has an MBean server)"), err);
      Matcher ranks = Pattern.compile("name=leakhunter\\.suspect\\.bytes_per_job,.*").matcher(err);
      String lastLine = "";
      while (ranks.find()) {
        lastLine = ranks.group();
      }
      long series = Pattern.compile("rank=\"").matcher(lastLine).results().count();
      assertTrue(series >= 1 && series <= 10, "at most 10 series, one per rank: " + series + "\n" + lastLine);
    } finally {
      demo.process.destroy();
      demo.process.waitFor();
    }
  }

  /** The value of the last match of {@code p} in {@code text}; NaN when none. */
  private static double last(Pattern p, String text) {
    Matcher m = p.matcher(text);
    double v = Double.NaN;
    while (m.find()) {
      v = Double.parseDouble(m.group(1));
    }
    return v;
  }
}
