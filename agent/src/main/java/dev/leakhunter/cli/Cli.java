package dev.leakhunter.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The command line of DESIGN ("CLI"). Exit codes: 0 ok, 1 leak found ({@code check}), 2 usage,
 * 3 could not attach / no such JVM / no hunt runs there (docs/attach.md).
 */
public final class Cli {

  public static final int OK = 0;
  public static final int LEAK = 1;
  public static final int USAGE = 2;
  public static final int NO_JVM = 3;

  static final String USAGE_TEXT = String.join("\n",
      "usage: java -jar leakhunter.jar COMMAND [ARGS]       (COMMAND --help for more)",
      "",
      "  list                          attachable JVMs on this machine: PID, JDK, main class or jar",
      "  attach PID OPTIONS            start hunting in a running JVM, e.g. attach 4242 jobs=com.acme.Worker#handle",
      "  report PID [--format F]       print the running hunt's report now (F: txt, json, html; --out DIR keeps it)",
      "  detach PID                    end the hunt: final report, original classes, JVM as before",
      "  check REPORT.json             print the report; exit 1 when its verdict is leak, 0 otherwise",
      "  render REPORT.json [--out F]  write the HTML report of a JSON report (default: next to it)",
      "",
      "Exit: 0 ok, 1 leak found (check), 2 usage, 3 could not attach / no such JVM / no hunt there.",
      "As an agent: java -javaagent:leakhunter.jar=jobs=com.acme.Worker#handle[,KEY=VALUE...] ...",
      "Options and report format: docs/user-guide.md; attaching: docs/attach.md");

  static final String CHECK_HELP = String.join("\n",
      "usage: java -jar leakhunter.jar check REPORT.json",
      "",
      "Prints a JSON report as text. Exit: 1 when its verdict is leak, 0 otherwise, 2 when it cannot be read.");

  static final String RENDER_HELP = String.join("\n",
      "usage: java -jar leakhunter.jar render REPORT.json [--out FILE]",
      "",
      "Writes the HTML page of a JSON report (default: next to it, .html) and prints its path. Exit: 0, or 2.");

  private static final Map<String, String> HELP = Map.of(
      "list", ListCommand.HELP,
      "attach", AttachCommand.HELP,
      "report", ReportCommand.HELP,
      "detach", DetachCommand.HELP,
      "check", CHECK_HELP,
      "render", RENDER_HELP);

  private final PrintStream out;
  private final PrintStream err;

  public Cli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public int run(String... args) {
    if (args.length == 0) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (rest.length > 0 && (rest[0].equals("--help") || rest[0].equals("-h")) && HELP.containsKey(command)) {
      out.println(HELP.get(command));
      return OK;
    }
    try {
      switch (command) {
        case "-h":
        case "--help":
        case "help":
          out.println(rest.length > 0 && HELP.containsKey(rest[0]) ? HELP.get(rest[0]) : USAGE_TEXT);
          return OK;
        case "check":
          return new CheckCommand(out, err).run(rest);
        case "render":
          return new RenderCommand(out, err).run(rest);
        case "list":
          return new ListCommand(out).run(rest);
        case "attach":
          return new AttachCommand(out, err).run(rest);
        case "report":
          return new ReportCommand(out, err).run(rest);
        case "detach":
          return new DetachCommand(out).run(rest);
        default:
          err.println("leakhunter: unknown command '" + command + "'\n" + USAGE_TEXT);
          return USAGE;
      }
    } catch (UsageException e) {
      err.println("leakhunter " + command + ": " + e.getMessage());
      return USAGE;
    } catch (TargetException e) {
      err.println("leakhunter " + command + ": " + e.getMessage());
      return NO_JVM;
    } catch (NoClassDefFoundError e) {
      // The attach API is in the JDK's jdk.attach module, which a JRE or a jlinked runtime may lack.
      err.println("leakhunter " + command + ": this needs a JDK with the jdk.attach module (" + e.getMessage()
          + "); run it with a JDK's java");
      return NO_JVM;
    }
  }

  /** No such JVM, or it cannot be attached to, or it has no hunt: said in one line, exit 3. */
  static final class TargetException extends Exception {
    private static final long serialVersionUID = 1L;

    TargetException(String message) {
      super(message);
    }
  }

  /** Bad arguments: said in one line, exit 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
