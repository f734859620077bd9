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
import java.util.regex.Pattern;
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

  /**
   * fleet.md's Grafana queries, run: a real Prometheus server (Debian's package, installed like the
   * browser test's Chromium) scrapes the exporter every second, and its HTTP API answers both
   * PromQL expressions as a Grafana panel and an alert rule would ask them.
   */
  @Test
  void aPrometheusServerAnswersTheGrafanaQueries() throws Exception {
    Path prometheus = DebianTool.ensure(List.of("prometheus"), "prometheus", "the Grafana queries' test");
    String fleet = Files.readString(RULES.getParent().getParent().getParent().resolve("docs/fleet.md"));
    assertTrue(fleet.contains(TOP_SUSPECTS) && fleet.contains(LEAKING), "docs/fleet.md shows the queries run here");
    int exporterPort = freePort();
    int serverPort = freePort();
    Path dir = ForkedJvm.WORK.resolve("prometheus-server");
    if (Files.exists(dir)) { // a fresh store: an earlier run's series would answer the queries too
      try (java.util.stream.Stream<Path> old = Files.walk(dir)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: worker\n"
        + "    static_configs:\n      - targets: ['127.0.0.1:" + exporterPort + "']\n");
    ForkedJvm demo = ForkedJvm.start("prometheus-server-demo", List.of(), ForkedJvm.JAVA,
        List.of("-javaagent:" + EXPORTER + "=127.0.0.1:" + exporterPort + ":" + RULES),
        DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log", "--rate=" + DemoLeaksIT.RATE, "--heartbeat=0");
    Process server = new ProcessBuilder(prometheus.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + serverPort)
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.txt").toFile()).start();
    try {
      String top = "";
      String leaking = "";
      long deadline = System.nanoTime() + 90_000_000_000L;
      while (System.nanoTime() < deadline && demo.process.isAlive() && server.isAlive()
          && !(top.contains("dev.leakhunter.demo.orders.Order") && leaking.contains(":" + exporterPort + "\""))) {
        Thread.sleep(1_000);
        top = query(serverPort, TOP_SUSPECTS);
        leaking = query(serverPort, LEAKING);
      }
      String context = "\n" + demo.outputs() + "\n--- server\n" + Files.readString(dir.resolve("server.txt"));
      assertTrue(top.contains("\"type\":\"dev.leakhunter.demo.orders.Order\""), "topk names the planted type: " + top
          + context);
      long series = Pattern.compile("\"__name__\":\"leakhunter_suspect_bytes_per_job\"").matcher(top).results().count();
      assertTrue(series >= 1 && series <= 5, "topk(5): " + top);
      assertTrue(leaking.contains("\"instance\":\"127.0.0.1:" + exporterPort + "\""), "the alert fires for the daemon: "
          + leaking + context);
    } finally {
      server.destroy();
      demo.process.destroy();
      demo.process.waitFor();
      server.waitFor();
    }
  }

  static final String TOP_SUSPECTS = "topk(5, leakhunter_suspect_bytes_per_job)";
  static final String LEAKING = "max by (instance) (leakhunter_leaking) == 1";

  /** The HTTP API's answer to an instant query, as JSON text; empty while the server is not up. */
  private static String query(int port, String promql) {
    return get(port, "/api/v1/query?query=" + java.net.URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  private static String scrape(int port) {
    return get(port, "/metrics");
  }

  /** The body of a GET on loopback; empty while nothing answers. */
  private static String get(int port, String path) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
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
