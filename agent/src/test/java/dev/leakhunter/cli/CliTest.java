package dev.leakhunter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.report.Report;
import dev.leakhunter.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path reportFile(Verdict verdict) throws Exception {
    List<Report.SuspectReport> suspects = verdict != Verdict.LEAK ? List.of() : List.of(new Report.SuspectReport(
        new Suspect("com.acme.Order", 1.0, 88.0, 0.99, 1,
            List.of(new SeriesPoint(20, 20, 1760), new SeriesPoint(40, 40, 3520))),
        List.of(), List.of()));
    Report r = new Report(Report.SCHEMA, new Report.Tool("leakhunter", "test"), new Report.Jvm(42, "17", "G1", 1 << 28),
        Map.of("jobs", "com.acme.Worker#handle"), new Report.Jobs(40, 0, 20),
        List.of(new Report.Sample(20, 1000, 1 << 20, 1000, 12, 0, 500, 10, -1)), verdict, null, suspects);
    Path file = dir.resolve("leakhunter-report.json");
    Files.writeString(file, ReportJson.write(r));
    return file;
  }

  @Test
  void checkExitsOneOnALeakAndPrintsTheSuspects() throws Exception {
    assertEquals(Cli.LEAK, run("check", reportFile(Verdict.LEAK).toString()));
    assertTrue(out().contains("com.acme.Order"), out());
  }

  @Test
  void checkExitsZeroWithoutALeak() throws Exception {
    assertEquals(Cli.OK, run("check", reportFile(Verdict.NO_LEAK).toString()));
    assertEquals(Cli.OK, run("check", reportFile(Verdict.INCONCLUSIVE).toString()));
  }

  @Test
  void checkOfAMissingOrBrokenReportIsAUsageError() throws Exception {
    assertEquals(Cli.USAGE, run("check", dir.resolve("nope.json").toString()));
    assertTrue(err().contains("no report at"), err());
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"schema\": 1, \"verdict\": ");
    assertEquals(Cli.USAGE, run("check", broken.toString()));
    assertTrue(err().contains("is not a leakhunter JSON report"), err());
    assertEquals(Cli.USAGE, run("check"));
  }

  @Test
  void renderWritesTheHtmlNextToTheJsonOrWhereAsked() throws Exception {
    Path json = reportFile(Verdict.LEAK);
    assertEquals(Cli.OK, run("render", json.toString()));
    String html = Files.readString(dir.resolve("leakhunter-report.html"));
    assertTrue(html.contains("com.acme.Order") && html.contains("<html"), html);

    Path elsewhere = dir.resolve("page.html");
    assertEquals(Cli.OK, run("render", json.toString(), "--out", elsewhere.toString()));
    assertTrue(Files.readString(elsewhere).contains("com.acme.Order"));
    assertEquals(Cli.USAGE, run("render", json.toString(), "--out"));
    assertEquals(Cli.USAGE, run("render"));
  }

  @Test
  void unknownCommandsAreUsageErrors() {
    assertEquals(Cli.USAGE, run("explode"));
    assertTrue(err().contains("unknown command 'explode'"), err());
    assertEquals(Cli.USAGE, run());
    assertEquals(Cli.OK, run("--help"));
    assertTrue(out().contains("check REPORT.json") && out().contains("attach PID OPTIONS"), out());
  }

  @Test
  void everyCommandHasItsOwnHelp() {
    for (String command : List.of("list", "attach", "report", "detach", "check", "render")) {
      out.reset();
      assertEquals(Cli.OK, run(command, "--help"), command);
      assertTrue(out().startsWith("usage: java -jar leakhunter.jar " + command), out());
      out.reset();
      assertEquals(Cli.OK, run("help", command), command);
      assertTrue(out().startsWith("usage: java -jar leakhunter.jar " + command), out());
    }
  }

  @Test
  void attachRefusesABadOptionWithTheAgentsMessageBeforeLookingForTheJvm() {
    // pid 1 is not ours to attach to; a bad option must be said before anything else is tried.
    assertEquals(Cli.USAGE, run("attach", "1", "jobs=com.acme.Worker#handle,warmup=soon"));
    assertEquals("leakhunter attach: bad option warmup=soon: expected a whole number of jobs >= 0, e.g. warmup=20\n",
        err());
    err.reset();
    assertEquals(Cli.USAGE, run("attach", "1", "colour=red"));
    assertTrue(err().contains("unknown option 'colour'; valid options are jobs, out, warmup"), err());
    err.reset();
    assertEquals(Cli.USAGE, run("attach", "1", "jobs=a.B#c", "every=0"));
    assertTrue(err().contains("bad option every=0"), "options may come as separate arguments: " + err());
  }

  @Test
  void pidsAndFlagsAreCheckedAsUsage() {
    assertEquals(Cli.USAGE, run("attach", "4242"));
    assertEquals(Cli.USAGE, run("attach", "forty-two", "jobs=a.B#c"));
    assertTrue(err().contains("'forty-two' is not a process id"), err());
    assertEquals(Cli.USAGE, run("report", "0"));
    assertEquals(Cli.USAGE, run("report", "4242", "--format", "pdf"));
    assertTrue(err().contains("unknown report format 'pdf'"), err());
    assertEquals(Cli.USAGE, run("report", "4242", "--out"));
    assertEquals(Cli.USAGE, run("report"));
    assertEquals(Cli.USAGE, run("detach"));
    assertEquals(Cli.USAGE, run("detach", "1", "2"));
    assertEquals(Cli.USAGE, run("list", "everything"));
  }

  @Test
  void aPidWithNoProcessExitsThree() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long free = p.pid();
    assertEquals(Cli.NO_JVM, run("detach", Long.toString(free)));
    assertTrue(err().contains("leakhunter detach: no process with pid " + free + " on this machine"), err());
    assertEquals(Cli.NO_JVM, run("report", Long.toString(ProcessHandle.current().pid())));
    assertTrue(err().contains("is this leakhunter command itself"), err());
  }

  @Test
  void jdkVersionsAndMainNamesAreReadWithoutTouchingTheJvm() {
    assertEquals("17.0.15", JvmProcess.javaVersion("IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"\nOS_NAME=\"Linux\"\n"));
    assertEquals("?", JvmProcess.javaVersion("nothing here"));
    assertEquals("?", JvmProcess.releaseVersion("/nonexistent/bin/java"));
    assertEquals("/opt/daemon.jar", ListCommand.mainOf("/opt/daemon.jar --leak=none"));
    assertEquals("com.acme.Main", ListCommand.mainOf("com.acme.Main"));
    assertEquals("?", ListCommand.mainOf(""));
    assertEquals(17, AttachCommand.featureVersion("17.0.15"));
    assertEquals(25, AttachCommand.featureVersion("25"));
    assertEquals(21, AttachCommand.featureVersion("21-ea"));
    assertEquals(8, AttachCommand.featureVersion("1.8.0_402"));
  }
}
