package dev.leakhunter.cli;

import dev.leakhunter.growth.Verdict;
import dev.leakhunter.report.Report;
import dev.leakhunter.report.TextReport;
import java.io.PrintStream;

/** {@code check REPORT.json}: for scripts and CI, exit 1 when the verdict is leak. */
final class CheckCommand {

  private final PrintStream out;
  private final PrintStream err;

  CheckCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) throws Cli.UsageException {
    if (args.length != 1) {
      throw new Cli.UsageException("expected exactly one argument, the report: check leakhunter/leakhunter-report.json");
    }
    Report report = ReportFile.read(args[0]);
    out.print(TextReport.render(report));
    return report.verdict() == Verdict.LEAK ? Cli.LEAK : Cli.OK;
  }
}
