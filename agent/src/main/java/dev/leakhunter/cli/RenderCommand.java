package dev.leakhunter.cli;

import dev.leakhunter.report.HtmlReport;
import dev.leakhunter.report.Report;
import dev.leakhunter.report.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code render REPORT.json [--out FILE]}: the HTML page of a JSON report. */
final class RenderCommand {

  private final PrintStream out;
  private final PrintStream err;

  RenderCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) throws Cli.UsageException {
    String input = null;
    String output = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out")) {
        if (++i == args.length) {
          throw new Cli.UsageException("--out needs a file name");
        }
        output = args[i];
      } else if (input == null && !args[i].startsWith("--")) {
        input = args[i];
      } else {
        throw new Cli.UsageException("unexpected argument '" + args[i] + "'; usage: render REPORT.json [--out FILE]");
      }
    }
    if (input == null) {
      throw new Cli.UsageException("expected the JSON report: render leakhunter/leakhunter-report.json");
    }
    Report report = ReportFile.read(input);
    Path target = output != null ? Path.of(output)
        : Path.of(input).toAbsolutePath().resolveSibling(htmlName(Path.of(input).getFileName().toString()));
    try {
      ReportWriter.writeFile(target, HtmlReport.render(report));
    } catch (IOException e) {
      err.println("leakhunter render: " + e.getMessage());
      return Cli.USAGE;
    }
    out.println(target);
    return Cli.OK;
  }

  private static String htmlName(String jsonName) {
    return (jsonName.endsWith(".json") ? jsonName.substring(0, jsonName.length() - 5) : jsonName) + ".html";
  }
}
