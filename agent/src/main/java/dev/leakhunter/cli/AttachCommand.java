package dev.leakhunter.cli;

import dev.leakhunter.agent.AgentControl;
import dev.leakhunter.agent.AgentOptions;
import dev.leakhunter.agent.OptionException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

/** {@code attach PID OPTIONS}: start a hunt in a running JVM. */
final class AttachCommand {

  static final String HELP = String.join("\n",
      "usage: java -jar leakhunter.jar attach PID OPTIONS",
      "",
      "Starts hunting leaks in the running JVM PID, without a restart. OPTIONS are the agent's,",
      "KEY=VALUE joined by ',' (or given as separate arguments), jobs=TYPE#METHOD at least:",
      "  java -jar leakhunter.jar attach 4242 jobs=com.acme.Worker#handle,every=50",
      "They are checked here first: a bad option exits 2 and the target is not touched.",
      "The job classes already loaded are rewoven; warmup counts from the attach. A relative",
      "out= is resolved against the target's working directory; the absolute report directory",
      "is printed. Read the report with 'report PID', end the hunt with 'detach PID'.",
      "",
      "Exit: 0 hunting; 2 bad usage or option; 3 no such JVM, another user's, attach refused,",
      "or a hunt runs there already (one hunt per JVM; see 'report PID').",
      "JDK 21+ targets print a warning about a dynamically loaded agent: docs/attach.md.");

  private final PrintStream out;
  private final PrintStream err;

  AttachCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) throws Cli.UsageException, Cli.TargetException {
    if (args.length < 2) {
      throw new Cli.UsageException("expected PID OPTIONS, e.g. attach 4242 jobs=com.acme.Worker#handle");
    }
    long pid = JvmProcess.parsePid(args[0]);
    String agentArgs = String.join(",", Arrays.copyOfRange(args, 1, args.length));
    AgentOptions options;
    try {
      options = AgentOptions.parse(agentArgs);
    } catch (OptionException e) {
      throw new Cli.UsageException(e.getMessage());
    }
    JvmProcess process = JvmProcess.find(pid);
    Path jar = AgentJar.locate();
    try (TargetJvm target = TargetJvm.attach(process)) {
      Properties before = target.systemProperties();
      String running = before.getProperty(AgentControl.HUNT_PROPERTY);
      if (running != null) {
        throw new Cli.TargetException("JVM " + pid + " runs a leakhunter hunt already (reports in " + running
            + "); one hunt per JVM: read it with 'report " + pid + "', end it with 'detach " + pid + "'");
      }
      Path expected = Path.of(before.getProperty("user.dir", "")).resolve(options.out()).toAbsolutePath();
      target.loadAgent(jar, agentArgs);
      String started = target.runningHunt();
      if (started == null) {
        throw new Cli.TargetException("the agent did not start in JVM " + pid + "; the target's log (stderr) "
            + "says why, in a line starting with [leakhunter]");
      }
      String version = before.getProperty("java.version", "?");
      out.println("attached to JVM " + pid + " (JDK " + version + "): hunting leaks per job of "
          + options.asMap().get(AgentOptions.JOBS) + ", first census after " + options.warmup() + " jobs");
      out.println("reports in " + (started.isEmpty() ? expected : started));
      out.println("read it:  java -jar " + jar + " report " + pid);
      out.println("end it:   java -jar " + jar + " detach " + pid);
      if (featureVersion(version) >= 21 && !process.arguments().contains("-XX:+EnableDynamicAgentLoading")) {
        err.println("note: JDK " + version + " prints a warning about a dynamically loaded agent in JVM " + pid
            + "'s log; start it with -XX:+EnableDynamicAgentLoading to allow it quietly (docs/attach.md)");
      }
      return Cli.OK;
    }
  }

  static int featureVersion(String javaVersion) {
    try {
      String first = javaVersion.split("[.+\\-]")[0];
      return Integer.parseInt(first.equals("1") ? javaVersion.split("\\.")[1] : first);
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
