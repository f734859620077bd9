package dev.leakhunter.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of DESIGN ("CLI"). Exit codes: 0 ok, 1 leak found ({@code check}), 2 usage,
 * 3 could not attach / no such JVM.
 */
public final class Cli {

  public static final int OK = 0;
  public static final int LEAK = 1;
  public static final int USAGE = 2;
  public static final int NO_JVM = 3;

  static final String USAGE_TEXT = String.join("\n",
      "usage: java -jar leakhunter.jar COMMAND [ARGS]",
      "",
      "  check REPORT.json             print the report; exit 1 when its verdict is leak, 0 otherwise",
      "  render REPORT.json [--out F]  write the HTML report of a JSON report (default: next to it)",
      "  attach PID OPTIONS            start hunting in a running JVM       (not available yet)",
      "  report PID [--format F]       print a running hunt's report        (not available yet)",
      "  detach PID                    stop hunting, restore the classes    (not available yet)",
      "  list                          attachable JVMs on this machine      (not available yet)",
      "",
      "As an agent: java -javaagent:leakhunter.jar=jobs=com.acme.Worker#handle[,KEY=VALUE...] ...",
      "Options and report format: docs/user-guide.md");

  private static final List<String> NOT_YET = List.of("attach", "report", "detach", "list");

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
    try {
      switch (command) {
        case "-h":
        case "--help":
        case "help":
          out.println(USAGE_TEXT);
          return OK;
        case "check":
          return new CheckCommand(out, err).run(rest);
        case "render":
          return new RenderCommand(out, err).run(rest);
        default:
          if (NOT_YET.contains(command)) {
            err.println("leakhunter: '" + command + "' is not available in this version yet; "
                + "start the agent with -javaagent:leakhunter.jar=jobs=... instead");
          } else {
            err.println("leakhunter: unknown command '" + command + "'\n" + USAGE_TEXT);
          }
          return USAGE;
      }
    } catch (UsageException e) {
      err.println("leakhunter " + command + ": " + e.getMessage());
      return USAGE;
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
