package dev.leakhunter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be learnt about a process without touching it: that it exists, whose it is, whether it
 * is a HotSpot JVM, which JDK runs it. Checked before any attach, because the attach API's own
 * answers to these cases are slow (a 10 s time-out for a process that is not a JVM) or harmful
 * (JDK 17 sends SIGQUIT, which kills a process that is not a JVM).
 */
final class JvmProcess {

  private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");

  private final long pid;
  private final ProcessHandle handle;

  private JvmProcess(long pid, ProcessHandle handle) {
    this.pid = pid;
    this.handle = handle;
  }

  /** Parses a PID argument; a usage error when it is not a positive whole number. */
  static long parsePid(String arg) throws Cli.UsageException {
    try {
      long pid = Long.parseLong(arg);
      if (pid > 0) {
        return pid;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new Cli.UsageException("'" + arg + "' is not a process id; 'java -jar leakhunter.jar list' shows the JVMs");
  }

  /**
   * The JVM with this pid, checked to be one this user can attach to.
   *
   * @throws Cli.TargetException no such process, this very process, another user's, or not a JVM
   */
  static JvmProcess find(long pid) throws Cli.TargetException {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      throw new Cli.TargetException("no process with pid " + pid + " on this machine; "
          + "'java -jar leakhunter.jar list' shows the JVMs");
    }
    if (pid == ProcessHandle.current().pid()) {
      throw new Cli.TargetException(pid + " is this leakhunter command itself; give the pid of the daemon");
    }
    JvmProcess p = new JvmProcess(pid, handle.get());
    String me = System.getProperty("user.name");
    Optional<String> owner = handle.get().info().user();
    if (owner.isPresent() && !owner.get().equals(me)) {
      // HotSpot only answers attach requests from its own user (and root); and even for root the
      // target must then read this jar and write the reports where we read them. Same user only.
      throw new Cli.TargetException("JVM " + pid + " runs as user '" + owner.get() + "' and this is '" + me
          + "': run leakhunter as that user, e.g. sudo -u " + owner.get() + " java -jar leakhunter.jar ...");
    }
    if (Boolean.FALSE.equals(p.isHotSpot())) {
      throw new Cli.TargetException("process " + pid + " (" + p.command().orElse("?") + ") is not a Java VM; "
          + "'java -jar leakhunter.jar list' shows the JVMs");
    }
    return p;
  }

  long pid() {
    return pid;
  }

  /** The executable, when the OS tells. */
  Optional<String> command() {
    return handle.info().command();
  }

  /** The command-line arguments, when the OS tells (JVM flags first). */
  List<String> arguments() {
    return handle.info().arguments().map(List::of).orElse(List.of());
  }

  /**
   * True when the process has HotSpot's libjvm mapped, false when it has not, null when that
   * cannot be read (no /proc): then the attach itself will tell.
   */
  Boolean isHotSpot() {
    Path maps = Path.of("/proc", Long.toString(pid), "maps");
    try {
      return Files.readString(maps, StandardCharsets.ISO_8859_1).contains("/libjvm.so");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The JDK version from the {@code release} file next to the executable's {@code bin/}, or "?". */
  String jdkVersion() {
    return command().map(JvmProcess::releaseVersion).orElse("?");
  }

  static String releaseVersion(String executable) {
    try {
      Path bin = Path.of(executable).getParent();
      if (bin == null || bin.getParent() == null) {
        return "?";
      }
      Path release = bin.getParent().resolve("release");
      return javaVersion(Files.readString(release, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** {@code JAVA_VERSION="17.0.15"} from a JDK's release file, or "?". */
  static String javaVersion(String releaseFile) {
    Matcher m = JAVA_VERSION.matcher(releaseFile);
    return m.find() ? m.group(1) : "?";
  }
}
