package dev.leakhunter.agent;

import dev.leakhunter.jobs.JobTracker;
import dev.leakhunter.report.ReportFormat;
import dev.leakhunter.report.ReportWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one hunt this JVM may run, and the commands the CLI sends it through the attach API
 * ({@link ControlCommand}: {@code @report}, {@code @detach}, {@code @status}). While a hunt runs,
 * the system property {@value #HUNT_PROPERTY} holds its absolute report directory: the CLI reads
 * it with {@code VirtualMachine.getSystemProperties()} to refuse a second hunt without loading
 * anything. After a detach the JVM may be attached again for a fresh hunt.
 */
public final class AgentControl {

  public static final String HUNT_PROPERTY = "leakhunter.hunt";

  // Guarded by AgentControl.class. Attach requests run one at a time on the JVM's attach listener
  // thread, premain before it; the lock is for the shutdown hook racing a detach.
  private static boolean claimed;
  private static Hunt current;

  private AgentControl() {
  }

  /** Claims the JVM for a new hunt; false when one runs already. */
  static synchronized boolean claim() {
    if (claimed) {
      return false;
    }
    claimed = true;
    return true;
  }

  /** The claimed hunt is up: publish it. */
  static synchronized void started(Hunt hunt) {
    current = hunt;
    System.setProperty(HUNT_PROPERTY, hunt.out().toString());
  }

  /** The claimed hunt could not start: the JVM is free again. */
  static synchronized void release() {
    current = null;
    claimed = false;
    System.clearProperty(HUNT_PROPERTY);
  }

  /** Runs a command; never throws (a throwing agentmain would print a stack trace into the host's log). */
  static void run(String args, PrintStream err) {
    ControlCommand command;
    try {
      command = ControlCommand.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("[leakhunter] ignored a control command that is not understood: " + e.getMessage());
      return;
    }
    ControlReply reply;
    try {
      reply = execute(command);
    } catch (Throwable t) {
      reply = ControlReply.error(command.name() + " failed in the target JVM: " + t);
    }
    String replyFile = command.arg(ControlCommand.REPLY);
    if (replyFile == null) {
      return;
    }
    try {
      reply.writeTo(Path.of(replyFile));
    } catch (Throwable t) {
      err.println("[leakhunter] could not write the reply to " + replyFile + ": " + t);
    }
  }

  private static synchronized ControlReply execute(ControlCommand command) throws Exception {
    switch (command.name()) {
      case ControlCommand.STATUS:
        return status();
      case ControlCommand.REPORT:
        return current == null ? noHunt() : report(command);
      case ControlCommand.DETACH:
        return current == null ? noHunt() : detach();
      default:
        return ControlReply.error("unknown command '" + command.name() + "'; this agent knows "
            + ControlCommand.REPORT + ", " + ControlCommand.DETACH + ", " + ControlCommand.STATUS);
    }
  }

  private static ControlReply noHunt() {
    return ControlReply.error("no leakhunter hunt runs in this JVM");
  }

  private static ControlReply status() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hunting", Boolean.toString(current != null));
    if (current != null) {
      m.put("out", current.out().toString());
      m.put("options", current.options().toString());
    }
    // The count the job advice keeps: it stands still once a detach has removed the advice.
    m.put("completed", Long.toString(JobTracker.completed()));
    m.put("inFlight", Long.toString(JobTracker.inFlight()));
    return ControlReply.ok(m);
  }

  private static ControlReply report(ControlCommand command) throws Exception {
    String dir = command.value();
    if (dir == null || dir.isEmpty()) {
      return ControlReply.error("@report needs a directory: @report=/abs/dir");
    }
    String format = command.arg(ControlCommand.FORMAT);
    ReportFormat f = ReportFormat.parse(format == null ? "txt" : format);
    List<Path> written = ReportWriter.write(Path.of(dir), current.hunter().currentReport(), EnumSet.of(f));
    Map<String, String> m = new LinkedHashMap<>();
    m.put("file", written.get(0).toAbsolutePath().toString());
    m.put("out", current.out().toString());
    return ControlReply.ok(m);
  }

  private static ControlReply detach() {
    Hunt hunt = current;
    List<Path> written;
    try {
      written = hunt.detach();
    } finally {
      // Whatever happened, the hunt is over: drop it, so its model can be collected and a later
      // attach can start afresh.
      release();
    }
    Map<String, String> m = new LinkedHashMap<>();
    m.put("out", hunt.out().toString());
    m.put("final", written.isEmpty() ? "" : written.get(0).toAbsolutePath().toString());
    m.put("completed", Long.toString(JobTracker.completed()));
    return ControlReply.ok(m);
  }
}
