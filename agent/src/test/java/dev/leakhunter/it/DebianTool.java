package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool a test runs as operators do (headless Chromium, a Prometheus server), found on the PATH or
 * installed from Debian's package when the build runs as root with apt-get (a fresh CI machine), as
 * the build's other set-up. Missing on CI fails the test; missing elsewhere skips it, saying how to
 * install it.
 */
final class DebianTool {
  private DebianTool() {
  }

  /**
   * @param names   executables to look for on the PATH, in order
   * @param pkg     the Debian package that provides one of them
   * @param purpose what the test does with it, for the messages
   */
  static Path ensure(List<String> names, String pkg, String purpose) throws Exception {
    Path tool = onPath(names);
    if (tool == null && isRootWithApt()) {
      run(pkg, "apt-get", "update", "-q");
      run(pkg, "apt-get", "install", "-y", "-q", pkg);
      tool = onPath(names);
    }
    if (tool == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("no " + names.get(0) + " on the PATH, and it could not be installed: CI must run " + purpose);
      }
      Assumptions.abort("no " + names.get(0) + " on the PATH: apt-get install " + pkg + " (as root) to run " + purpose);
    }
    return tool;
  }

  private static Path onPath(List<String> names) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : names) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static boolean isRootWithApt() throws Exception {
    Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return id.waitFor() == 0 && uid.equals("0") && Files.isExecutable(Path.of("/usr/bin/apt-get"));
  }

  private static void run(String pkg, String... cmd) throws Exception {
    Files.createDirectories(ForkedJvm.WORK);
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(ForkedJvm.WORK.resolve("install-" + pkg + ".txt").toFile()));
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
  }
}
