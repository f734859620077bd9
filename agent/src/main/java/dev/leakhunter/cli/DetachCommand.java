package dev.leakhunter.cli;

import dev.leakhunter.agent.ControlCommand;
import dev.leakhunter.agent.ControlReply;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** {@code detach PID}: end the hunt and leave the JVM as it was. */
final class DetachCommand {

  static final String HELP = String.join("\n",
      "usage: java -jar leakhunter.jar detach PID",
      "",
      "Ends the hunt in JVM PID: stops sampling, restores the original job classes, removes the",
      "agent's shutdown hook, writes a final report in the hunt's out= directory and lets go of",
      "the hunt's data. The JVM keeps running as before; it may be attached again later.",
      "Works on a hunt started with -javaagent too.",
      "",
      "Exit: 0 detached; 2 bad usage; 3 no such JVM, attach refused, or no hunt runs there.");

  private final PrintStream out;

  DetachCommand(PrintStream out) {
    this.out = out;
  }

  int run(String[] args) throws Cli.UsageException, Cli.TargetException {
    if (args.length != 1) {
      throw new Cli.UsageException("expected exactly one argument, the PID: detach 4242");
    }
    long pid = JvmProcess.parsePid(args[0]);
    JvmProcess process = JvmProcess.find(pid);
    Path jar = AgentJar.locate();
    try (TargetJvm target = TargetJvm.attach(process)) {
      if (target.runningHunt() == null) {
        throw new Cli.TargetException(noHunt(pid));
      }
      ControlReply reply = target.send(jar, ControlCommand.DETACH, null, Map.of());
      if (!reply.isOk()) {
        throw new Cli.TargetException("JVM " + pid + ": " + reply.get(ControlReply.MESSAGE));
      }
      out.println("detached from JVM " + pid + ": sampling stopped, job classes restored, after "
          + reply.get("completed") + " jobs");
      String last = reply.get("final");
      out.println(last == null || last.isEmpty()
          ? "no final report could be written to " + reply.get("out") + " (the target's log says why)"
          : "final report: " + last);
      return Cli.OK;
    }
  }

  static String noHunt(long pid) {
    return "no leakhunter hunt runs in JVM " + pid + "; start one with: java -jar leakhunter.jar attach " + pid
        + " jobs=TYPE#METHOD";
  }
}
