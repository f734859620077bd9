package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code trace=TYPE}: the type's roots from the first sample on, in the log and a Graphviz file. */
class TraceIT {

  @Test
  void traceLogsTheRootsAndWritesADotFileFromTheFirstSample() throws Exception {
    String type = "dev.leakhunter.demo.orders.Order";
    ForkedJvm demo = ForkedJvm.demo("trace-order", DemoLeaksIT.JOBS + ",every=20,trace=" + type,
        "--leak=processed-log", "--jobs=1200", "--rate=" + DemoLeaksIT.RATE, "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());

    // Logged with the first samples, before the growth model has any verdict.
    assertTrue(demo.stderr().contains("[leakhunter] trace " + type + " <- dev.leakhunter.demo.Worker.processed (job receiver): "
        + "java.util.ArrayList.elementData -> java.lang.Object[] -> " + type), demo.stderr());
    Path dot = demo.reportDir().resolve("trace-" + type + ".dot");
    String graph = Files.readString(dot);
    assertTrue(graph.startsWith("digraph "), graph);
    assertTrue(graph.contains("\"dev.leakhunter.demo.Worker.processed (job receiver)\""), graph);
    assertTrue(graph.contains("\"java.util.ArrayList.elementData\""), graph);
    assertFalse(demo.stderr().contains("WARNING"), demo.stderr());

    Path svg = dot.resolveSibling("trace.svg");
    if (onPath("dot")) {
      Process p = new ProcessBuilder("dot", "-Tsvg", "-o", svg.toString(), dot.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), "dot accepts the file: " + out + "\n" + graph);
      assertTrue(Files.readString(svg).contains("Worker.processed"));
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
