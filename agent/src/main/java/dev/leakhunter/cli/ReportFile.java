package dev.leakhunter.cli;

import dev.leakhunter.report.Report;
import dev.leakhunter.report.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a {@code leakhunter-report.json} given on the command line, with errors fit for a user. */
final class ReportFile {

  private ReportFile() {
  }

  static Report read(String arg) throws Cli.UsageException {
    Path path = Path.of(arg);
    if (!Files.isRegularFile(path)) {
      throw new Cli.UsageException("no report at " + path.toAbsolutePath());
    }
    try {
      return ReportJson.read(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Cli.UsageException("cannot read " + path + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(path + " is not a leakhunter JSON report: " + e.getMessage());
    }
  }
}
