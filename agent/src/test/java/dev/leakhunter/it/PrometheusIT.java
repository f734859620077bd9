package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * The MBean as operators scrape it: the demo under leakhunter and the real Prometheus JMX exporter
 * agent, with the rules of examples/prometheus/leakhunter.yaml (docs/fleet.md), scraped over
 * loopback; and a JMX client reading the verdict and asking for a report.
 */
class PrometheusIT {
  static final Path EXPORTER = Path.of(System.getProperty("leakhunter.it.prometheusAgent"));
  static final Path RULES = ForkedJvm.AGENT_JAR.getParent().getParent().getParent()
      .resolve("examples/prometheus/leakhunter.yaml");
  static final String ORDER = "leakhunter_suspect_bytes_per_job{type=\"dev.leakhunter.demo.orders.Order\"}";

  @Test
  void theExporterServesThePlantedTypesSeriesAndAJmxClientReadsTheVerdict() throws Exception {
    assertTrue(Files.isRegularFile(EXPORTER), "the build copies the exporter to " + EXPORTER);
    assertTrue(Files.readString(RULES.getParent().getParent().getParent().resolve("docs/fleet.md"))
        .contains(Files.readString(RULES)), "docs/fleet.md shows the rules this test runs");
    int port = freePort();
    ForkedJvm demo = ForkedJvm.start("prometheus", List.of(), ForkedJvm.JAVA,
        List.of("-javaagent:" + EXPORTER + "=127.0.0.1:" + port + ":" + RULES),
        DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log", "--jobs=6000", "--rate=" + DemoLeaksIT.RATE,
        "--heartbeat=0");
    try {
      String metrics = "";
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (System.nanoTime() < deadline && demo.process.isAlive()
          && !(metrics.contains(ORDER) && metrics.contains("leakhunter_leaking 1.0"))) {
        Thread.sleep(500);
        metrics = scrape(port);
      }
      assertTrue(metrics.contains(ORDER), "the planted type's series\n" + metrics + "\n" + demo.outputs());
      assertTrue(metrics.contains("leakhunter_leaking 1.0"), metrics);
      assertTrue(metrics.contains("leakhunter_jobs_completed "), metrics);
      assertTrue(metrics.contains("leakhunter_overhead_percent "), metrics);
      long series = metrics.lines().filter(l -> l.startsWith("leakhunter_suspect_bytes_per_job{")).count();
      assertTrue(series >= 1 && series <= 10, "at most 10 suspects: " + series + "\n" + metrics);
      assertTrue(demo.stderr().contains("MBean dev.leakhunter:type=LeakHunter registered, with dev.leakhunter:type=LeakSuspect,rank=1 to 10"
          + " (the JVM has an MBean server)"),
          demo.stderr());

      VirtualMachine vm = VirtualMachine.attach(Long.toString(demo.process.pid()));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        ObjectName name = new ObjectName("dev.leakhunter:type=LeakHunter");
        assertEquals("leak", server.getAttribute(name, "Verdict"));
        TabularData suspects = (TabularData) server.getAttribute(name, "Suspects");
        CompositeData order = suspects.get(new Object[] {"dev.leakhunter.demo.orders.Order"});
        assertEquals(1.0 / 3, (Double) order.get("instancesPerJob"), 0.05, order.toString());
        String written = (String) server.invoke(name, "writeReport", new Object[0], new String[0]);
        assertTrue(written.contains("leakhunter-report.json"), written);
        assertTrue(Files.isRegularFile(Path.of(written.lines().filter(l -> l.endsWith(".json")).findFirst().get())));
      }
    } finally {
      demo.process.destroy();
      demo.process.waitFor();
    }
  }

  private static String scrape(int port) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openConnection();
      c.setConnectTimeout(2_000);
      c.setReadTimeout(5_000);
      try (InputStream in = c.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException notYet) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
