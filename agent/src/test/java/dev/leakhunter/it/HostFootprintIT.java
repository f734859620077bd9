package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The host's footprint stays the host's: the demo daemon flat out at the JVM's default heap sizing
 * (no {@code -Xmx}, as most daemons), with and without the agent at its defaults. Without the
 * {@code HeapKeeper}, G1 grew this heap from 388 MB to 780-1,160 MB because of the censuses' full
 * GCs, and peak RSS went from 314 MB to 750 MB. Memory, not time: it holds on a busy machine.
 *
 * <p>Without the agent the same run ends with 307-336 MB or with 420-470 MB of peak RSS, as G1 grows
 * the heap on its own or not; the bound is taken from the larger of two runs without it, one before
 * and one after the run with it. The heap committed over the run (after each GC, weighted by how
 * long it lasted) is held to the bound (5% or 20 MB). Peak RSS is not yet: with the agent it measured 340-365 MB against 307-336 MB (the transient
 * growth before a give-back, the full GC's mark bitmap, the agent's classes and compilations; see
 * docs/performance.md), so the test holds it to 25%, which the 750 MB of the never-shrink hold broke
 * by far.
 */
class HostFootprintIT {
  private static final long MB = 1L << 20;
  // "[7.920s][info][gc] ... 235M->7M(388M) 4.8ms": when, and the heap committed after each GC.
  private static final Pattern HEAP_AFTER_GC = Pattern.compile("^\\[([0-9.]+)s\\].*->\\d+M\\((\\d+)M\\)",
      Pattern.MULTILINE);

  record Footprint(long peakRssBytes, long heapCommittedOverRunBytes, String outputs) {
  }

  @Test
  void flatOutTheAgentLeavesTheHostsPeakRssAndHeapTheirSize() throws Exception {
    Footprint before = run("footprint-without-1", null);
    Footprint with = run("footprint-with", DemoLeaksIT.JOBS);
    Footprint after = run("footprint-without-2", null);
    long rss = Math.max(before.peakRssBytes(), after.peakRssBytes());
    long heap = Math.max(before.heapCommittedOverRunBytes(), after.heapCommittedOverRunBytes());
    String context = "without the agent: peak RSS " + before.peakRssBytes() / MB + " MB and " + after.peakRssBytes() / MB
        + " MB, heap committed over the run " + before.heapCommittedOverRunBytes() / MB + " MB and "
        + after.heapCommittedOverRunBytes() / MB + " MB; with it: peak RSS " + with.peakRssBytes() / MB
        + " MB, heap committed over the run " + with.heapCommittedOverRunBytes() / MB + " MB\n" + with.outputs();
    System.out.println("HostFootprintIT " + context.substring(0, context.indexOf('\n')));
    assertTrue(with.peakRssBytes() <= rss + rss / 4, "peak RSS within 25%: " + context);
    assertTrue(with.heapCommittedOverRunBytes() <= heap + slack(heap), "committed heap over the run within 5% or 20 MB: " + context);
    assertTrue(with.outputs().contains("committed, kept at"), "the cost line says the size kept for the heap: " + context);
  }

  private static long slack(long bytes) {
    return Math.max(20 * MB, bytes / 20);
  }

  private static Footprint run(String name, String agentOptions) throws IOException, InterruptedException {
    Path gcLog = ForkedJvm.WORK.resolve(name + ".gc.log");
    Files.deleteIfExists(gcLog);
    ForkedJvm jvm = ForkedJvm.start(name, List.of(), ForkedJvm.JAVA,
        List.of(ForkedJvm.DEFAULT_HEAP, "-Xlog:gc:file=" + gcLog + ":uptime"), agentOptions,
        "--leak=none", "--jobs=60000", "--rate=0", "--heartbeat=0");
    Path status = Path.of("/proc", Long.toString(jvm.process.pid()), "status");
    long peak = 0;
    while (jvm.process.isAlive()) {
      peak = Math.max(peak, highWaterMark(status)); // VmHWM only grows: the last read is the peak
      Thread.sleep(20);
    }
    assertEquals(0, jvm.waitFor(10), jvm.outputs());
    assertTrue(peak > 0, "read the JVM's VmHWM from " + status);
    // The committed heap over the run, each size weighted by how long it lasted until the next GC:
    // a heap G1 grew at a young GC in the run's last 20 ms (seen on JDK 25) is gone with the JVM
    // before a census can give it back, and costs the host nothing; a heap that stays grown counts.
    Matcher m = HEAP_AFTER_GC.matcher(Files.readString(gcLog));
    double weighted = 0;
    double span = 0;
    double lastAt = -1;
    long lastSize = -1;
    while (m.find()) {
      double at = Double.parseDouble(m.group(1));
      if (lastAt >= 0) {
        weighted += lastSize * (at - lastAt);
        span += at - lastAt;
      }
      lastAt = at;
      lastSize = Long.parseLong(m.group(2)) << 20;
    }
    assertTrue(span > 0, "two GCs in " + gcLog);
    long last = (long) (weighted / span);
    return new Footprint(peak, last, jvm.outputs());
  }

  private static long highWaterMark(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process ended between the check and the read
    }
    return 0;
  }
}
