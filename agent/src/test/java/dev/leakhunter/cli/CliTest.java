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
        List.of(new Report.Sample(20, 1000, 1 << 20, 1000, 12, 0, 500, 10)), verdict, null, suspects);
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
  void unknownAndUnavailableCommandsAreUsageErrors() {
    assertEquals(Cli.USAGE, run("explode"));
    assertTrue(err().contains("unknown command 'explode'"), err());
    assertEquals(Cli.USAGE, run("attach", "4242", "jobs=a.B#c"));
    assertTrue(err().contains("'attach' is not available in this version yet"), err());
    assertEquals(Cli.USAGE, run());
    assertEquals(Cli.OK, run("--help"));
    assertTrue(out().contains("check REPORT.json"), out());
  }
}
