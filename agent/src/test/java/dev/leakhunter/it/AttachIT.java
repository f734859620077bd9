package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.leakhunter.agent.ControlReply;
import dev.leakhunter.report.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The command line on a daemon that already runs without the agent: attach, report while it runs,
 * detach, and the daemon goes on as before; attach again for a fresh hunt. Real jar, real demo,
 * forked JVMs on the JDK under test (CI: 17, then 25).
 */
class AttachIT {

  static final String JOBS = "jobs=dev.leakhunter.demo.Worker#handle";
  static final String ORDER = "dev.leakhunter.demo.orders.Order";
  private static final Pattern HEARTBEAT = Pattern.compile("heartbeat: jobs=(\\d+)");

  @Test
  void attachReportDetachAndAttachAgainOnARunningDaemon() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("attach-flow", null, "--leak=processed-log", "--rate=500", "--heartbeat=1");
    try {
      long pid = demo.pid();
      String p = Long.toString(pid);
      Path cliDir = demo.dir.resolve("cli");

      ForkedJvm.CliRun list = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "list");
      assertEquals(0, list.exit(), list.toString());
      String row = list.out().lines().filter(l -> l.startsWith(p + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("pid " + p + " not listed\n" + list));
      assertTrue(row.contains("demo-leaky-daemon.jar") && row.contains(" " + jdkVersion(ForkedJvm.JAVA) + " "), row);

      // A bad option is refused here, before the target is touched.
      ForkedJvm.CliRun bad = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", p, JOBS + ",warmup=soon");
      assertEquals(2, bad.exit(), bad.toString());
      assertTrue(bad.err().contains("leakhunter attach: bad option warmup=soon: expected a whole number of jobs >= 0"),
          bad.toString());
      ForkedJvm.CliRun none = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "report", p);
      assertEquals(3, none.exit(), none.toString());
      assertTrue(none.err().contains("no leakhunter hunt runs in JVM " + p), none.toString());
      assertFalse(demo.stderr().contains("leakhunter"), "the target was not touched\n" + demo.stderr());

      ForkedJvm.CliRun attach = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", p, JOBS + ",every=20");
      assertEquals(0, attach.exit(), attach.toString() + demo.outputs());
      Path out = demo.reportDir().toAbsolutePath();
      assertTrue(attach.out().contains("reports in " + out + "\n"), "absolute, in the target's directory\n" + attach);

      ForkedJvm.CliRun twice = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", p, JOBS);
      assertEquals(3, twice.exit(), twice.toString());
      assertTrue(twice.err().contains("JVM " + p + " runs a leakhunter hunt already (reports in " + out + ")"),
          twice.toString());

      awaitVerdict(demo, "leak");
      ForkedJvm.CliRun text = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "report", p);
      assertEquals(0, text.exit(), text.toString());
      assertTrue(text.out().contains("verdict: LEAK") && text.out().contains(ORDER), text.toString());
      Path kept = demo.dir.resolve("kept");
      ForkedJvm.CliRun json = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "report", p, "--format", "json", "--out",
          kept.toString());
      assertEquals(0, json.exit(), json.toString());
      Map<String, Object> live = parse(json.out());
      assertEquals("leak", live.get("verdict"));
      DemoLeaksIT.suspect(live, ORDER);
      assertEquals(json.out().strip(), Files.readString(kept.resolve("leakhunter-report.json")).strip(),
          "--out keeps what is printed");

      ForkedJvm.CliRun detach = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "detach", p);
      assertEquals(0, detach.exit(), detach.toString() + demo.outputs());
      Path finalReport = out.resolve("leakhunter-report.json");
      assertTrue(detach.out().contains("final report: " + finalReport), detach.toString());
      long huntedJobs = DemoLeaksIT.jobs(parse(Files.readString(finalReport)), "completed");
      assertTrue(huntedJobs >= DemoLeaksIT.jobs(live, "completed"), "the final report counts to the end");

      // The advice is gone: the counter it kept stands still while the daemon goes on working.
      ControlReply before = status(pid, demo.dir);
      long heartbeatBefore = lastHeartbeat(demo);
      awaitHeartbeatAbove(demo, heartbeatBefore + 200);
      ControlReply after = status(pid, demo.dir);
      assertEquals("false", after.get("hunting"), after.format());
      assertEquals(before.get("completed"), after.get("completed"), "no job counted after the detach");
      ForkedJvm.CliRun gone = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "report", p);
      assertEquals(3, gone.exit(), gone.toString());
      assertTrue(gone.err().contains("no leakhunter hunt runs in JVM " + p), gone.toString());

      // A fresh hunt counts from its own attach.
      ForkedJvm.CliRun again = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", p, JOBS + ",warmup=1000000");
      assertEquals(0, again.exit(), again.toString() + demo.outputs());
      ForkedJvm.CliRun fresh = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "report", p, "--format", "json");
      assertEquals(0, fresh.exit(), fresh.toString());
      Map<String, Object> freshReport = parse(fresh.out());
      assertTrue(DemoLeaksIT.jobs(freshReport, "completed") < huntedJobs,
          "counted from the new attach: " + DemoLeaksIT.jobs(freshReport, "completed") + " vs " + huntedJobs);
      assertEquals(List.of(), freshReport.get("samples"), "no census before the new warmup");
      assertEquals(0, ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "detach", p).exit());

      demo.process.destroy(); // SIGTERM: the daemon stops as it would have without us
      int exit = demo.waitFor(60);
      assertTrue(exit == 0 || exit == 143, "clean stop on SIGTERM, exit " + exit + "\n" + demo.outputs());
      assertTrue(demo.stdout().lines().anyMatch(l -> l.matches("stopped after \\d+ jobs")), demo.outputs());
      String err = demo.stderr();
      assertEquals(2, err.lines().filter(l -> l.startsWith("[leakhunter] final report:")).count(),
          "one final report per detach, none from a shutdown hook at exit\n" + err);
      assertFalse(err.contains("Exception"), err);
    } finally {
      demo.process.destroyForcibly();
    }
  }

  @Test
  void eachRefusalHasItsExitCodeAndSaysWhy() throws Exception {
    ForkedJvm noAttach = ForkedJvm.start("attach-disabled", List.of(), ForkedJvm.JAVA,
        List.of("-XX:+DisableAttachMechanism"), null, "--rate=50", "--heartbeat=0");
    ForkedJvm withAgent = ForkedJvm.demo("attach-javaagent", JOBS + ",warmup=1000000", "--rate=50", "--heartbeat=0");
    boolean modern = jdkFeature(ForkedJvm.JAVA) >= 21;
    ForkedJvm noDynamic = !modern ? null : ForkedJvm.start("attach-nodynamic", List.of(), ForkedJvm.JAVA,
        List.of("-XX:-EnableDynamicAgentLoading"), null, "--rate=50", "--heartbeat=0");
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    Path cliDir = ForkedJvm.WORK.resolve("attach-refusals");
    try {
      ForkedJvm.CliRun disabled = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", Long.toString(noAttach.pid()), JOBS);
      assertEquals(3, disabled.exit(), disabled.toString());
      assertTrue(disabled.err().contains("does not accept attach requests (it was started with "
          + "-XX:+DisableAttachMechanism)"), disabled.toString());

      String agentPid = Long.toString(withAgent.pid());
      ForkedJvm.CliRun running = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", agentPid, JOBS);
      assertEquals(3, running.exit(), running.toString());
      assertTrue(running.err().contains("JVM " + agentPid + " runs a leakhunter hunt already (reports in "
          + withAgent.reportDir().toAbsolutePath() + ")"), running.toString());
      ForkedJvm.CliRun javaagentReport = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "report", agentPid);
      assertEquals(0, javaagentReport.exit(), "a -javaagent hunt reports too\n" + javaagentReport);
      assertTrue(javaagentReport.out().contains("no census yet"), javaagentReport.toString());

      ForkedJvm.CliRun notJvm = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", Long.toString(sleeper.pid()), JOBS);
      assertEquals(3, notJvm.exit(), notJvm.toString());
      assertTrue(notJvm.err().contains("process " + sleeper.pid() + " (") && notJvm.err().contains("is not a Java VM"),
          notJvm.toString());
      assertTrue(sleeper.isAlive(), "a process that is not a JVM is left alone (no SIGQUIT)");

      long freePid = freePid();
      ForkedJvm.CliRun gone = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "detach", Long.toString(freePid));
      assertEquals(3, gone.exit(), gone.toString());
      assertTrue(gone.err().contains("no process with pid " + freePid), gone.toString());

      ForkedJvm.CliRun usage = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "report", "not-a-pid");
      assertEquals(2, usage.exit(), usage.toString());
      ForkedJvm.CliRun help = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", "--help");
      assertEquals(0, help.exit(), help.toString());
      assertTrue(help.out().startsWith("usage: java -jar leakhunter.jar attach PID OPTIONS"), help.toString());

      if (noDynamic != null) {
        ForkedJvm.CliRun refused = ForkedJvm.cli(ForkedJvm.JAVA, cliDir, "attach", Long.toString(noDynamic.pid()), JOBS);
        assertEquals(3, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("refuses agents loaded while it runs (it was started with "
            + "-XX:-EnableDynamicAgentLoading)"), refused.toString());
        assertFalse(noDynamic.stderr().contains("[leakhunter]"), noDynamic.stderr());
      }
    } finally {
      sleeper.destroyForcibly();
      for (ForkedJvm jvm : new ForkedJvm[] {noAttach, withAgent, noDynamic}) {
        if (jvm != null) {
          jvm.process.destroyForcibly();
        }
      }
    }
  }

  @Test
  void anotherUsersJvmIsRefused() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/sbin/runuser")), "needs root and runuser to start a JVM as nobody");
    // Not under target/: a checkout in a private directory (mode 700) is out of nobody's reach, and
    // the JVM must read its jar and write its pid file. A directory of its own in the system's
    // temporary directory, open to all, holding a copy of the jar.
    Path dir = Files.createTempDirectory("leakhunter-attach-other-user");
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    Path pidFile = dir.resolve("nobody.pid");
    ForkedJvm other = ForkedJvm.startAsAnotherUser(dir, List.of("/usr/sbin/runuser", "-u", "nobody", "--"),
        "--rate=50", "--heartbeat=0", "--pid-file=" + pidFile);
    try {
      long pid = other.pid(pidFile);
      ForkedJvm.CliRun run = ForkedJvm.cli(ForkedJvm.JAVA, dir.resolve("cli"), "attach", Long.toString(pid), JOBS);
      assertEquals(3, run.exit(), run.toString());
      assertTrue(run.err().contains("JVM " + pid + " runs as user 'nobody' and this is 'root': run leakhunter as "
          + "that user, e.g. sudo -u nobody"), run.toString());
    } finally {
      // runuser does not pass its death on to the JVM it started: end the JVM itself.
      List<ProcessHandle> jvms = other.process.descendants().toList();
      jvms.forEach(ProcessHandle::destroyForcibly);
      other.process.destroyForcibly();
      for (ProcessHandle jvm : jvms) {
        jvm.onExit().get(30, TimeUnit.SECONDS);
      }
      ForkedJvm.deleteRecursively(dir);
    }
  }

  @Test
  void aJdk17CommandLineHuntsInAJdk25Daemon() throws Exception {
    Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    org.junit.jupiter.api.Assumptions.assumeTrue(jdkFeature(ForkedJvm.JAVA) >= 21 && Files.isExecutable(java17),
        "the JDK under test is the target; this runs when it is 21+ and a JDK 17 is installed");
    ForkedJvm demo = ForkedJvm.demo("attach-cross-jdk", null, "--leak=processed-log", "--rate=500", "--heartbeat=0");
    try {
      String p = Long.toString(demo.pid());
      Path cliDir = demo.dir.resolve("cli");
      ForkedJvm.CliRun attach = ForkedJvm.cli(java17, cliDir, "attach", p, JOBS + ",every=20");
      assertEquals(0, attach.exit(), attach.toString() + demo.outputs());
      awaitVerdict(demo, "leak");
      ForkedJvm.CliRun report = ForkedJvm.cli(java17, cliDir, "report", p);
      assertEquals(0, report.exit(), report.toString());
      assertTrue(report.out().contains("verdict: LEAK") && report.out().contains(ORDER), report.toString());
      assertEquals(0, ForkedJvm.cli(java17, cliDir, "detach", p).exit());
      assertTrue(demo.stderr().contains("A Java agent has been loaded dynamically"),
          "JDK 21+ warns about the dynamic agent (expected, docs/attach.md)\n" + demo.stderr());
    } finally {
      demo.process.destroyForcibly();
    }
  }

  /** Waits (bounded) until the agent's own report in the target's out dir has this verdict. */
  private static void awaitVerdict(ForkedJvm demo, String verdict) throws Exception {
    Path json = demo.reportDir().resolve("leakhunter-report.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && demo.process.isAlive()) {
      if (Files.exists(json) && verdict.equals(parse(Files.readString(json)).get("verdict"))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + verdict + " verdict in " + json + "\n" + demo.outputs());
  }

  private static long lastHeartbeat(ForkedJvm demo) {
    long last = -1;
    Matcher m = HEARTBEAT.matcher(demo.stdout());
    while (m.find()) {
      last = Long.parseLong(m.group(1));
    }
    return last;
  }

  private static void awaitHeartbeatAbove(ForkedJvm demo, long jobs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && lastHeartbeat(demo) <= jobs) {
      Thread.sleep(100);
    }
    assertTrue(lastHeartbeat(demo) > jobs, "the daemon keeps completing jobs after the detach\n" + demo.outputs());
  }

  /** The agent's {@code @status} through the attach API (docs/attach.md): the job counter, hunt or not. */
  private static ControlReply status(long pid, Path dir) throws Exception {
    Path reply = dir.resolve("status-" + System.nanoTime() + ".txt");
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    try {
      vm.loadAgent(ForkedJvm.AGENT_JAR.toString(), "@status,reply=" + reply.toAbsolutePath());
    } finally {
      vm.detach();
    }
    ControlReply r = ControlReply.readFrom(reply);
    assertTrue(r.isOk(), r.format());
    assertNotNull(r.get("completed"), r.format());
    return r;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return (Map<String, Object>) Json.parse(json);
  }

  static String jdkVersion(Path java) throws Exception {
    String release = Files.readString(java.getParent().getParent().resolve("release"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"").matcher(release);
    assertTrue(m.find(), release);
    return m.group(1);
  }

  static int jdkFeature(Path java) throws Exception {
    return Integer.parseInt(jdkVersion(java).split("[.+\\-]")[0]);
  }

  /** A pid that no process has right now: that of a process that has just ended. */
  private static long freePid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
