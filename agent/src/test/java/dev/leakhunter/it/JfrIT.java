package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.management.jfr.RemoteRecordingStream;
import org.junit.jupiter.api.Test;

/**
 * The hunt's findings in a flight recording, read back with the JDK's own {@code jfr} tool, as an
 * operator would; and no JFR work at all in a JVM that records nothing.
 */
class JfrIT {
  static final Path JFR = ForkedJvm.JAVA.resolveSibling("jfr");

  @Test
  void aRecordingOfTheDemoHoldsItsCensusesAndThePlantedSuspect() throws Exception {
    Path recording = ForkedJvm.WORK.resolve("jfr-demo.jfr");
    Files.deleteIfExists(recording);
    ForkedJvm demo = ForkedJvm.start("jfr-demo", List.of(), ForkedJvm.JAVA,
        List.of("-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true"),
        DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log", "--jobs=" + DemoLeaksIT.RUN_JOBS,
        "--rate=" + DemoLeaksIT.RATE, "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());
    assertTrue(Files.size(recording) > 0, "the JVM dumped its recording\n" + demo.outputs());

    String census = print("dev.leakhunter.Census", recording);
    Matcher jobs = Pattern.compile("jobs = (\\d+)").matcher(census);
    List<Long> at = new ArrayList<>();
    while (jobs.find()) {
      at.add(Long.parseLong(jobs.group(1)));
    }
    assertTrue(at.size() >= 8, "a census event per census\n" + census);
    assertTrue(census.contains("verdict = \"leak\""), census);
    assertTrue(census.contains("liveBytes = "), census);

    String suspects = print("dev.leakhunter.LeakSuspect", recording);
    assertTrue(suspects.contains("type = \"dev.leakhunter.demo.orders.Order\""), suspects);
    assertTrue(suspects.contains("root = \"dev.leakhunter.demo.Worker.processed (job receiver)\""),
        "an event once the root is known\n" + suspects);
    // Written when the suspects change, not at every census.
    int events = suspects.split("dev\\.leakhunter\\.LeakSuspect \\{", -1).length - 1;
    assertTrue(events < at.size() * 6, events + " suspect events over " + at.size() + " censuses\n" + suspects);
  }

  /**
   * docs/fleet.md's streaming recipe, run: the operator's side opens a {@code RemoteRecordingStream}
   * over the daemon's JMX port (the daemon's own flags open it; the agent opens none) after the leak
   * was found, and receives the planted type as a {@code LeakSuspect} event.
   */
  @Test
  void aRemoteRecordingStreamReceivesThePlantedSuspect() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ForkedJvm demo = ForkedJvm.start("jfr-remote", List.of(), ForkedJvm.JAVA, List.of(
            "-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
            "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
            "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false"),
        DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log", "--jobs=0", "--rate=" + DemoLeaksIT.RATE,
        "--heartbeat=0");
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    JMXConnector connector = null;
    while (connector == null && System.nanoTime() < deadline && demo.process.isAlive()) {
      try {
        connector = JMXConnectorFactory.connect(url);
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    assertTrue(connector != null, "the daemon's JMX port\n" + demo.outputs());
    CompletableFuture<String> planted = new CompletableFuture<>();
    JMXConnector jmx = connector;
    try (jmx; RemoteRecordingStream stream = new RemoteRecordingStream(jmx.getMBeanServerConnection())) {
      stream.enable("dev.leakhunter.LeakSuspect");
      stream.onEvent("dev.leakhunter.LeakSuspect", e -> {
        if ("dev.leakhunter.demo.orders.Order".equals(e.getString("type"))) {
          planted.complete(e.getString("verdict"));
        }
      });
      stream.startAsync();
      assertEquals("leak", planted.get(90, TimeUnit.SECONDS), demo.outputs());
    } finally {
      demo.process.destroy();
    }
  }

  /**
   * docs/fleet.md's jcmd recipe, run: a recording started with {@code jcmd PID JFR.start} on a
   * daemon that recorded nothing before, once the leak was found, then dumped with
   * {@code JFR.dump}: it holds the planted type (the suspects are said again at the next census to a
   * recording that did not take them).
   */
  @Test
  void aRecordingStartedByJcmdOnARunningDaemonHoldsThePlantedSuspect() throws Exception {
    Path recording = ForkedJvm.WORK.resolve("jfr-jcmd.jfr");
    Files.deleteIfExists(recording);
    ForkedJvm demo = ForkedJvm.start("jfr-jcmd", List.of(), ForkedJvm.JAVA, List.of(),
        DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log", "--rate=" + DemoLeaksIT.RATE, "--heartbeat=0");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!demo.stderr().contains("verdict=leak") && System.nanoTime() < deadline && demo.process.isAlive()) {
        Thread.sleep(200);
      }
      assertTrue(demo.stderr().contains("verdict=leak"), "the leak is found first\n" + demo.outputs());
      String pid = Long.toString(demo.process.pid());
      String started = jcmd(pid, "JFR.start", "name=leaks");
      int censuses = censusLines(demo.stderr());
      while (censusLines(demo.stderr()) < censuses + 3 && System.nanoTime() < deadline + 60_000_000_000L) {
        Thread.sleep(200);
      }
      String dumped = jcmd(pid, "JFR.dump", "name=leaks", "filename=" + recording);
      assertTrue(Files.isRegularFile(recording), started + "\n" + dumped);
      String suspects = print("dev.leakhunter.LeakSuspect", recording);
      assertTrue(suspects.contains("type = \"dev.leakhunter.demo.orders.Order\""), suspects);
      assertTrue(suspects.contains("verdict = \"leak\""), suspects);
      assertTrue(print("dev.leakhunter.Census", recording).contains("liveBytes = "), "census events too");
    } finally {
      demo.process.destroy();
      demo.process.waitFor();
    }
  }

  private static int censusLines(String stderr) {
    return (int) stderr.lines().filter(l -> l.startsWith("[leakhunter] jobs=")).count();
  }

  private static String jcmd(String pid, String... command) throws Exception {
    List<String> args = new ArrayList<>(List.of(ForkedJvm.JAVA.resolveSibling("jcmd").toString(), pid));
    args.addAll(List.of(command));
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jcmd ended");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void withoutARecordingTheEventClassesAreNeverLoaded() throws Exception {
    ForkedJvm demo = ForkedJvm.start("jfr-none", List.of(), ForkedJvm.JAVA, List.of("-Xlog:class+load=info"),
        DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log", "--jobs=400", "--rate=200", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());
    String loaded = demo.stdout();
    assertTrue(loaded.contains("dev.leakhunter.publish.JfrEvents"), "the class log is there\n" + demo.outputs());
    assertFalse(loaded.contains("dev.leakhunter.publish.CensusEvent"), "no event class loaded");
    assertFalse(loaded.contains("dev.leakhunter.publish.LeakSuspectEvent"), "no event class loaded");
    assertFalse(loaded.contains("jdk.jfr.Event "), "JFR's event machinery not loaded");
  }

  private static String print(String event, Path recording) throws Exception {
    Process p = new ProcessBuilder(JFR.toString(), "print", "--events", event, recording.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jfr print ended");
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
