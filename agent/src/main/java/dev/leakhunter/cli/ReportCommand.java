package dev.leakhunter.cli;

import dev.leakhunter.agent.ControlCommand;
import dev.leakhunter.agent.ControlReply;
import dev.leakhunter.report.ReportFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code report PID [--format txt|json|html] [--out DIR]}: the running hunt's report, now. */
final class ReportCommand {

  static final String HELP = String.join("\n",
      "usage: java -jar leakhunter.jar report PID [--format txt|json|html] [--out DIR]",
      "",
      "Has the hunt running in JVM PID write its report as of now, and prints it here",
      "(text by default). With --out DIR the file is also kept in DIR (leakhunter-report.EXT).",
      "The hunt goes on, and its own reports in its out= directory are not disturbed.",
      "",
      "Exit: 0 printed (whatever the verdict; use 'check' on a JSON report for exit 1 on a leak);",
      "2 bad usage; 3 no such JVM, attach refused, or no hunt runs there.");

  private final PrintStream out;
  private final PrintStream err;

  ReportCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) throws Cli.UsageException, Cli.TargetException {
    String pidArg = null;
    ReportFormat format = ReportFormat.TXT;
    Path keep = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--format") || args[i].equals("--out")) {
        if (i + 1 == args.length) {
          throw new Cli.UsageException(args[i] + " needs a value; " + usage());
        }
        String value = args[++i];
        if (args[i - 1].equals("--out")) {
          keep = Path.of(value).toAbsolutePath();
        } else {
          try {
            format = ReportFormat.parse(value);
          } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
          }
        }
      } else if (pidArg == null && !args[i].startsWith("-")) {
        pidArg = args[i];
      } else {
        throw new Cli.UsageException("unexpected argument '" + args[i] + "'; " + usage());
      }
    }
    if (pidArg == null) {
      throw new Cli.UsageException("expected the PID of a JVM with a hunt; " + usage());
    }
    long pid = JvmProcess.parsePid(pidArg);
    JvmProcess process = JvmProcess.find(pid);
    Path jar = AgentJar.locate();
    Path scratch = null;
    try (TargetJvm target = TargetJvm.attach(process)) {
      if (target.runningHunt() == null) {
        throw new Cli.TargetException(DetachCommand.noHunt(pid));
      }
      Path dir = keep;
      if (dir == null) {
        scratch = Files.createTempDirectory("leakhunter-report");
        dir = scratch;
      }
      ControlReply reply = target.send(jar, ControlCommand.REPORT, dir.toString(),
          Map.of(ControlCommand.FORMAT, format.id()));
      if (!reply.isOk()) {
        throw new Cli.TargetException("JVM " + pid + ": " + reply.get(ControlReply.MESSAGE));
      }
      Path file = Path.of(reply.get("file"));
      String text = Files.readString(file, StandardCharsets.UTF_8);
      out.print(text);
      if (!text.endsWith("\n")) {
        out.println();
      }
      out.flush();
      if (keep != null) {
        err.println("report written to " + file);
      }
      return Cli.OK;
    } catch (IOException e) {
      throw new Cli.TargetException("cannot read the report of JVM " + pid + ": " + e.getMessage());
    } finally {
      TargetJvm.deleteQuietly(scratch);
    }
  }

  private static String usage() {
    return "usage: report PID [--format txt|json|html] [--out DIR]";
  }
}
