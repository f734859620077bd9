package dev.leakhunter.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.leakhunter.agent.AgentControl;
import dev.leakhunter.agent.ControlCommand;
import dev.leakhunter.agent.ControlReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A JVM this command is attached to, through the JDK's attach API. Every failure becomes a
 * {@link Cli.TargetException} (exit 3) with a sentence that says what to do.
 */
final class TargetJvm implements AutoCloseable {

  private final long pid;
  private final VirtualMachine vm;

  private TargetJvm(long pid, VirtualMachine vm) {
    this.pid = pid;
    this.vm = vm;
  }

  static TargetJvm attach(JvmProcess process) throws Cli.TargetException {
    long pid = process.pid();
    try {
      return new TargetJvm(pid, VirtualMachine.attach(Long.toString(pid)));
    } catch (AttachNotSupportedException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("does not support the attach mechanism")) {
        throw new Cli.TargetException("JVM " + pid + " does not accept attach requests (it was started with "
            + "-XX:+DisableAttachMechanism); restart it without that flag, or with -javaagent:leakhunter.jar=jobs=...");
      }
      throw new Cli.TargetException("cannot attach to JVM " + pid + ": " + m);
    } catch (IOException e) {
      throw new Cli.TargetException("cannot attach to JVM " + pid + ": " + e.getMessage());
    }
  }

  long pid() {
    return pid;
  }

  Properties systemProperties() throws Cli.TargetException {
    try {
      return vm.getSystemProperties();
    } catch (IOException e) {
      throw new Cli.TargetException("JVM " + pid + " did not give its system properties: " + e.getMessage());
    }
  }

  /** The absolute report directory of the hunt running in the target, or null when none runs. */
  String runningHunt() throws Cli.TargetException {
    return systemProperties().getProperty(AgentControl.HUNT_PROPERTY);
  }

  /**
   * Loads the agent jar into the target with these agent arguments; returns once its
   * {@code agentmain} has returned.
   */
  void loadAgent(Path jar, String args) throws Cli.TargetException {
    try {
      vm.loadAgent(jar.toString(), args);
    } catch (AgentLoadException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("EnableDynamicAgentLoading") || m.contains("Dynamic agent loading is not enabled")) {
        throw new Cli.TargetException("JVM " + pid + " refuses agents loaded while it runs (it was started with "
            + "-XX:-EnableDynamicAgentLoading); restart it with -XX:+EnableDynamicAgentLoading, "
            + "or with -javaagent:leakhunter.jar=jobs=...");
      }
      throw new Cli.TargetException("JVM " + pid + " could not load " + jar + ": " + m);
    } catch (AgentInitializationException e) {
      throw new Cli.TargetException("the agent failed to start in JVM " + pid + " (see its log): " + e.getMessage());
    } catch (IOException e) {
      throw new Cli.TargetException("lost the connection to JVM " + pid + ": " + e.getMessage());
    }
  }

  /**
   * Sends a command to the agent running in the target (docs/attach.md, "The control channel")
   * and returns its reply. The reply file lives in a private temporary directory of this user,
   * which the target (the same user) can write.
   */
  ControlReply send(Path jar, String name, String value, Map<String, String> args)
      throws Cli.TargetException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("leakhunter-cli");
      Path replyFile = dir.resolve("reply.txt");
      Map<String, String> all = new LinkedHashMap<>(args);
      all.put(ControlCommand.REPLY, replyFile.toAbsolutePath().toString());
      loadAgent(jar, new ControlCommand(name, value, all).format());
      if (!Files.isRegularFile(replyFile)) {
        throw new Cli.TargetException("JVM " + pid + " gave no answer to '" + name + "'; its log (stderr) says why");
      }
      return ControlReply.readFrom(replyFile);
    } catch (IOException e) {
      throw new Cli.TargetException("no answer from JVM " + pid + " to '" + name + "': " + e.getMessage());
    } finally {
      deleteQuietly(dir);
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // a leftover temporary directory is not worth failing the command for
    }
  }

  @Override
  public void close() {
    try {
      vm.detach();
    } catch (IOException ignored) {
      // the connection is gone either way
    }
  }
}
