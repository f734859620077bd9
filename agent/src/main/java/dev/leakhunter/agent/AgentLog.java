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
    synchronized (errorsSaid) {
      if (errorsSaid.size() >= MAX_DISTINCT_ERRORS || !errorsSaid.add(message)) {
        return;
      }
    }
    err.println("[leakhunter] error: " + message);
  }

  /**
   * An error with its cause, said once; with {@code debug=true} the cause's stack trace follows,
   * each line prefixed, so that a bug report can say where in the agent it happened.
   */
  public void error(String what, Throwable t) {
    String message = what + ": " + t;
    synchronized (errorsSaid) {
      if (errorsSaid.size() >= MAX_DISTINCT_ERRORS || !errorsSaid.add(message)) {
        return;
      }
    }
    StringBuilder out = new StringBuilder("[leakhunter] error: ").append(message).append('\n');
    if (debug) {
      java.io.StringWriter trace = new java.io.StringWriter();
      t.printStackTrace(new java.io.PrintWriter(trace));
      for (String line : trace.toString().split("\n")) {
        out.append("[leakhunter]   ").append(line.stripTrailing()).append('\n');
      }
    }
    err.print(out);
    err.flush();
  }

  /**
   * An error with a block of text under it, each line prefixed, printed even with {@code quiet}:
   * the final report when it could not be written, so that nothing of the hunt is lost.
   */
  public void errorBlock(String message, String block) {
    StringBuilder out = new StringBuilder("[leakhunter] error: ").append(message).append('\n');
    for (String line : block.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append("[leakhunter]   ").append(line).append('\n');
      }
    }
    err.print(out);
    err.flush();
  }
}
