package dev.leakhunter.agent;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The agent's voice in the host's log: one line per event on stderr, prefixed {@code [leakhunter]}.
 * {@code quiet=true} silences information, never errors. Each distinct error is said once, so an
 * agent that fails repeatedly cannot flood the host's log.
 */
public final class AgentLog {

  private static final int MAX_DISTINCT_ERRORS = 50;

  private final PrintStream err;
  private final boolean quiet;
  private final boolean debug;
  private final Set<String> errorsSaid = new HashSet<>();

  public AgentLog(PrintStream err, boolean quiet) {
    this(err, quiet, false);
  }

  /** @param debug errors with a cause are followed by its stack trace ({@code debug=true}) */
  public AgentLog(PrintStream err, boolean quiet, boolean debug) {
    this.err = err;
    this.quiet = quiet;
    this.debug = debug;
  }

  public void info(String message) {
    if (!quiet) {
      err.println("[leakhunter] " + message);
    }
  }

  public void error(String message) {
    if (firstTime(message)) {
      err.println("[leakhunter] error: " + message);
    }
  }

  /** True the first time {@code message} is said, up to {@value #MAX_DISTINCT_ERRORS} distinct ones. */
  private boolean firstTime(String message) {
    synchronized (errorsSaid) {
      return errorsSaid.size() < MAX_DISTINCT_ERRORS && errorsSaid.add(message);
    }
  }

  /**
   * An error with its cause, said once; with {@code debug=true} the cause's stack trace follows,
   * each line prefixed, so that a bug report can say where in the agent it happened.
   */
  public void error(String what, Throwable t) {
    String message = what + ": " + t;
    if (!firstTime(message)) {
      return;
    }
    if (!debug) {
      err.println("[leakhunter] error: " + message);
      return;
    }
    java.io.StringWriter trace = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(trace));
    errorBlock(message, trace.toString());
  }

  /**
   * An error with a block of text under it, each line prefixed, printed even with {@code quiet}:
   * the final report when it could not be written, so that nothing of the hunt is lost; a stack
   * trace with {@code debug=true}.
   */
  public void errorBlock(String message, String block) {
    StringBuilder out = new StringBuilder("[leakhunter] error: ").append(message).append('\n');
    for (String line : block.split("\n", -1)) {
      if (!line.isBlank()) {
        out.append("[leakhunter]   ").append(line.stripTrailing()).append('\n');
      }
    }
    err.print(out);
    err.flush();
  }
}
