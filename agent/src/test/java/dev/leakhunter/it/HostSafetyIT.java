package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The agent never harms the host: bad options leave it alone, SIGTERM still gets a report. */
class HostSafetyIT {

  @Test
  void aBadOptionIsOneLineAndTheDaemonRunsNormally() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("bad-option", DemoLeaksIT.JOBS + ",warmup=soon", "--leak=none", "--jobs=60",
        "--heartbeat=0");
    assertEquals(0, demo.waitFor(60), demo.outputs());
    String err = demo.stderr();
    assertTrue(err.contains("[leakhunter] bad option warmup=soon: expected a whole number of jobs >= 0"), err);
    assertEquals(1, err.lines().filter(l -> l.contains("leakhunter")).count(), "exactly one line:\n" + err);
    assertTrue(demo.stdout().contains("stopped after 60 jobs"), demo.outputs());
    assertFalse(Files.exists(demo.reportDir()), "a disabled agent writes nothing");
  }

  /**
   * A typo in the jobs pattern: the daemon runs normally, and after 5 s the agent says once, in
   * the log and in the report, that nothing matches, naming the loaded class nearest the pattern.
   */
  @Test
  void aJobsPatternThatMatchesNothingIsSaidOnceWithTheNearestClass() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("no-jobs", "jobs=dev.leakhunter.demo.Workr#handle", "--leak=none",
        "--jobs=800", "--rate=100", "--heartbeat=0");
    assertEquals(0, demo.waitFor(60), demo.outputs());
    assertTrue(demo.stdout().contains("stopped after 800 jobs"), demo.outputs());
    List<String> warnings = demo.stderr().lines()
        .filter(l -> l.contains("no loaded class matches jobs=dev.leakhunter.demo.Workr#handle")).toList();
    assertEquals(1, warnings.size(), "said once:\n" + demo.outputs());
    assertTrue(warnings.get(0).contains("loaded classes nearest dev.leakhunter.demo.Workr: dev.leakhunter.demo.Worker"),
        warnings.get(0));
    assertTrue(String.valueOf(demo.reportJson().get("note")).contains("no loaded class matches"), demo.reportText());
  }

  /**
   * An out directory that cannot be made: said once, the daemon runs normally, and the final report,
   * kept in memory, is printed on stderr, even with quiet=true.
   */
  @Test
  void anOutThatCannotBeWrittenLosesNothing() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("no-out", DemoLeaksIT.JOBS + ",every=20,quiet=true,out=/proc/leakhunter-nope",
        "--leak=processed-log", "--jobs=600", "--rate=200", "--heartbeat=0");
    assertEquals(0, demo.waitFor(60), demo.outputs());
    assertTrue(demo.stdout().contains("stopped after 600 jobs"), demo.outputs());
    String err = demo.stderr();
    assertEquals(1, err.lines().filter(l -> l.contains("error: could not write the report to /proc/leakhunter-nope"))
        .count(), "said once:\n" + err);
    assertTrue(err.contains("[leakhunter] error: the final report could not be written to /proc/leakhunter-nope;"
        + " it follows here"), err);
    assertTrue(err.contains("[leakhunter]   verdict: LEAK"), err);
    assertTrue(err.contains("[leakhunter]   Leak 1: dev.leakhunter.demo.orders.Order"), err);
    assertTrue(err.contains("[leakhunter]   runs out: "), err);
    // The warm-up runs the writers in a temporary directory instead: an out that cannot be written
    // must not leave their first run to mid-hunt (it read as a second, JDK-only leak on JDK 25).
    assertFalse(err.contains("warm-up of"), "the warm-up did not fail\n" + err);
    assertFalse(err.contains("first retention walk failed"), err);
    assertFalse(err.contains("[leakhunter] jobs="), "quiet: no sample lines\n" + err);
    assertFalse(err.contains("\tat "), "no stack trace without debug=true\n" + err);
  }

  /**
   * An out that cannot be written for a while, then can (a full disk freed, a mount back): said once
   * when it fails, once when it works again, and the reports written from then on are whole. A
   * regular file where out's parent should be stands for the full disk (root writes through
   * permissions, and a real full disk is no test's to make).
   */
  @Test
  void anOutThatComesBackIsWrittenAgain() throws Exception {
    Path base = ForkedJvm.WORK.resolve("out-back-dir");
    Files.createDirectories(base);
    Path blocker = base.resolve("blocked");
    Files.deleteIfExists(blocker.resolve("reports").resolve("leakhunter-report.json"));
    if (Files.isDirectory(blocker)) {
      try (java.util.stream.Stream<Path> old = Files.walk(blocker)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.writeString(blocker, "not a directory");
    Path out = blocker.resolve("reports");
    ForkedJvm demo = ForkedJvm.demo("out-back", DemoLeaksIT.JOBS + ",every=20,out=" + out, "--leak=processed-log",
        "--jobs=2000", "--rate=200", "--heartbeat=0");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!demo.stderr().contains("could not write the report") && System.nanoTime() < deadline
        && demo.process.isAlive()) {
      Thread.sleep(100);
    }
    assertTrue(demo.stderr().contains("could not write the report to " + out), demo.outputs());
    Files.delete(blocker); // room again
    assertEquals(0, demo.waitFor(60), demo.outputs());
    String err = demo.stderr();
    assertEquals(1, err.lines().filter(l -> l.contains("could not write the report to")).count(), "said once\n" + err);
    assertEquals(1, err.lines().filter(l -> l.contains("the report is written again to " + out)).count(), err);
    assertFalse(err.contains("the final report could not be written"), err);
    @SuppressWarnings("unchecked")
    Map<String, Object> report = (Map<String, Object>) dev.leakhunter.report.Json.parse(
        Files.readString(out.resolve("leakhunter-report.json")));
    assertEquals(2000L, DemoLeaksIT.jobs(report, "completed"), "the final report, whole");
    assertEquals("leak", report.get("verdict"));
  }

  /** With debug=true an error comes with its stack trace, each line under the agent's prefix. */
  @Test
  void debugShowsWhereInTheAgentAnErrorHappened() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("debug", DemoLeaksIT.JOBS + ",every=20,debug=true,out=/proc/leakhunter-nope",
        "--leak=none", "--jobs=200", "--rate=200", "--heartbeat=0");
    assertEquals(0, demo.waitFor(60), demo.outputs());
    String err = demo.stderr();
    assertTrue(err.contains("[leakhunter] error: could not write the report to /proc/leakhunter-nope"), err);
    assertTrue(err.contains("[leakhunter]   \tat dev.leakhunter.report.ReportWriter."), "the agent's frames\n" + err);
  }

  @Test
  void anUnknownOptionIsOneLineAndTheDaemonRunsNormally() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("unknown-option", DemoLeaksIT.JOBS + ",colour=red", "--jobs=30",
        "--heartbeat=0");
    assertEquals(0, demo.waitFor(60), demo.outputs());
    assertTrue(demo.stderr().contains("unknown option 'colour'; valid options are jobs, out, warmup"), demo.stderr());
    assertTrue(demo.stdout().contains("stopped after 30 jobs"), demo.outputs());
  }

  @Test
  void theReportSurvivesSigterm() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("sigterm", DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log",
        "--rate=500", "--heartbeat=0");
    Path json = demo.reportDir().resolve("leakhunter-report.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(json) && System.nanoTime() < deadline && demo.process.isAlive()) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(json), "a report appears while the daemon runs\n" + demo.outputs());
    Thread.sleep(500);
    demo.process.destroy(); // SIGTERM
    int exit = demo.waitFor(60);
    assertTrue(exit == 0 || exit == 143, "clean stop on SIGTERM, exit " + exit + "\n" + demo.outputs());

    Map<String, Object> report = demo.reportJson();
    long completed = DemoLeaksIT.jobs(report, "completed");
    String stopped = demo.stdout().lines().filter(l -> l.startsWith("stopped after")).findFirst().orElse("");
    assertEquals("stopped after " + completed + " jobs", stopped,
        "the final report counts every job the daemon did\n" + demo.outputs());
    assertTrue(demo.stderr().contains("[leakhunter] final report:"), demo.stderr());
  }

  /**
   * A census forces a full GC the host never asked for; left alone, HotSpot shrinks the heap after
   * it (here from 192 MB to about 20 MB) and the host pays in young GCs. The heap must keep its size.
   */
  @Test
  void aCensusLeavesTheHeapItsSize() throws Exception {
    Path gcLog = ForkedJvm.WORK.resolve("heap-size.gc.log");
    Files.deleteIfExists(gcLog);
    ForkedJvm demo = ForkedJvm.start("heap-size", List.of(), ForkedJvm.JAVA,
        List.of("-XX:InitialHeapSize=192m", "-Xlog:gc:file=" + gcLog), DemoLeaksIT.JOBS + ",every=200",
        "--leak=none", "--jobs=3000", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());
    List<String> censuses = Files.readAllLines(gcLog).stream()
        .filter(l -> l.contains("Pause Full (Heap Inspection Initiated GC)")).toList();
    assertTrue(censuses.size() >= 3, "the agent took censuses:\n" + String.join("\n", censuses) + "\n" + demo.outputs());
    for (String line : censuses) {
      // ... 36M->4M(192M) 11.7ms: the heap's size after the GC is in parentheses
      Matcher m = Pattern.compile("->\\d+M\\((\\d+)M\\)").matcher(line);
      assertTrue(m.find(), line);
      assertTrue(Integer.parseInt(m.group(1)) >= 192, "the heap shrank after a census: " + line);
    }
  }

  /**
   * Launched with {@code -javaagent}, the hunt's warm-up (its throwaway census, and every path of
   * the model and the report writers) runs in premain, before the host's main: run beside the
   * host's start, its compilations made HotSpot compile the host's hot code at tier 2
   * (docs/performance.md, item 6). The class-load log goes to stdout, so its order against the
   * demo's start line is the order they happened in. {@code HtmlReport} is the warm-up's last report
   * writer; run on the sampler thread, the warm-up loaded it after the start line in 5 of 5 runs.
   */
  @Test
  void theWarmUpIsDoneBeforeTheHostsMain() throws Exception {
    ForkedJvm demo = ForkedJvm.start("warm-up-first", List.of(), ForkedJvm.JAVA, List.of("-Xlog:class+load:stdout"),
        DemoLeaksIT.JOBS, "--leak=none", "--jobs=200", "--heartbeat=0");
    assertEquals(0, demo.waitFor(60), demo.outputs());
    List<String> out = demo.stdout().lines().toList();
    int started = indexOf(out, "started:");
    int lastWriter = indexOf(out, " dev.leakhunter.report.HtmlReport ");
    assertTrue(started >= 0 && lastWriter >= 0, "started at line " + started + ", HtmlReport at " + lastWriter);
    assertTrue(lastWriter < started, "the warm-up is done before main starts: HtmlReport loaded at line "
        + lastWriter + ", started at " + started);
    assertTrue(demo.stderr().contains("[leakhunter] jobs="), "the hunt still samples the jobs\n" + demo.stderr());
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * HotSpot skips a census's full GC while a thread holds the GC locker (a JNI critical section; the
   * demo's zip and checksum calls) and then counts garbage: on JDK 17 flat out, 2-4 of 9 censuses.
   * The agent takes such a census again (or drops it), so every sample it reports had its full GC.
   * (JDK 22+ G1 pins regions instead of locking, and never skips.)
   */
  @Test
  void everySampleHadItsFullGc() throws Exception {
    Path gcLog = ForkedJvm.WORK.resolve("gc-locker.gc.log");
    Files.deleteIfExists(gcLog);
    ForkedJvm demo = ForkedJvm.start("gc-locker", List.of(), ForkedJvm.JAVA, List.of("-Xlog:gc:file=" + gcLog),
        DemoLeaksIT.JOBS + ",every=2000", "--leak=none", "--rate=0", "--jobs=40000", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());
    List<String> log = Files.readAllLines(gcLog);
    long fullGcs = log.stream().filter(l -> l.contains("Pause Full (Heap Inspection Initiated GC)")).count();
    long samples = demo.stderr().lines().filter(l -> l.startsWith("[leakhunter] jobs=")).count();
    assertTrue(samples >= 10, "the agent took censuses\n" + demo.outputs());
    assertTrue(fullGcs >= samples, fullGcs + " full GCs for " + samples + " samples:\n" + String.join("\n", log));
    // HotSpot's warning, when a census met the locker, is in the host's stdout: the agent says whose it
    // is, once (none on JDK 22+ G1, and none on a run that never met the locker).
    long warnings = demo.stdout().lines().filter(l -> l.contains("GC locker is held; pre-dump GC was skipped")).count();
    long said = demo.stderr().lines().filter(l -> l.contains("'GC locker is held; pre-dump GC was skipped' is this"
        + " agent's census")).count();
    assertEquals(warnings > 0 ? 1 : 0, said, warnings + " warnings\n" + demo.outputs());
  }

  /**
   * A census reaches HotSpot's DiagnosticCommand MBean without starting the platform MBean server:
   * starting it cost the demo 6% of its throughput for good (docs/performance.md). The class-load log
   * says whether it was started; the control run shows that the log would say so.
   */
  @Test
  void aCensusStartsNoMBeanServerInTheHost() throws Exception {
    Path classLog = ForkedJvm.WORK.resolve("no-mbean-server.classes.log");
    Files.deleteIfExists(classLog);
    ForkedJvm demo = ForkedJvm.start("no-mbean-server", List.of(), ForkedJvm.JAVA,
        List.of("-Xlog:class+load=info:file=" + classLog), DemoLeaksIT.JOBS + ",every=200",
        "--leak=none", "--jobs=1000", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());
    assertTrue(demo.stderr().lines().filter(l -> l.startsWith("[leakhunter] jobs=")).count() >= 2,
        "the agent took censuses\n" + demo.outputs());
    String loaded = Files.readString(classLog);
    assertTrue(loaded.contains("com.sun.management.internal.DiagnosticCommandImpl "), "the census ran its command");
    assertFalse(loaded.contains(MBEAN_SERVER), "the agent started the platform MBean server\n" + demo.outputs());

    Path controlLog = ForkedJvm.WORK.resolve("mbean-server.classes.log");
    Files.deleteIfExists(controlLog);
    ForkedJvm control = ForkedJvm.start("mbean-server", List.of(), ForkedJvm.JAVA,
        List.of("-Xlog:class+load=info:file=" + controlLog, "-Dcom.sun.management.jmxremote"), null,
        "--leak=none", "--jobs=10", "--heartbeat=0");
    assertEquals(0, control.waitFor(120), control.outputs());
    assertTrue(Files.readString(controlLog).contains(MBEAN_SERVER), "a started server shows in the log");
  }

  private static final String MBEAN_SERVER = "com.sun.jmx.mbeanserver.JmxMBeanServer ";
}
