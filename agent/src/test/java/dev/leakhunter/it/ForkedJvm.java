package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.report.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM forked for an integration test: the real shaded agent jar, the real demo daemon, the JDK
 * chosen by {@code leakhunter.it.javaHome} (CI runs the suite on 17 and on 25). Output goes to
 * files in the test's own working directory, so a failure can show it.
 */
final class ForkedJvm {

  static final Path AGENT_JAR = Path.of(required("leakhunter.jar"));
  static final Path DEMO_JAR = Path.of(required("leakhunter.demoJar"));
  static final Path JAVA = Path.of(required("leakhunter.it.javaHome"), "bin", "java");
  static final Path WORK = Path.of(required("leakhunter.it.workDir"));
  /** target/test-classes: where this class, and the leak catalogue's fixtures, were compiled to. */
  static final Path TEST_CLASSES = testClasses();

  /**
   * A JVM flag for {@link #start}: run with the JVM's default heap sizing (a quarter of the RAM),
   * as most daemons that set no {@code -Xmx}, instead of the tests' {@code -Xmx256m}.
   */
  static final String DEFAULT_HEAP = "-XX:MaxRAMPercentage=25";

  final Path dir;
  final Process process;

  private ForkedJvm(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
  }

  /**
   * Starts {@code java [-javaagent:leakhunter.jar=agentOptions] -jar demo.jar demoArgs...} in a
   * fresh directory under target/it-work/{@code name}.
   */
  static ForkedJvm demo(String name, String agentOptions, String... demoArgs) throws IOException {
    return start(name, List.of(), JAVA, List.of(), agentOptions, demoArgs);
  }

  /**
   * Starts {@code [prefix...] java -Xmx256m -XX:+UseG1GC [jvmFlags...] [-javaagent:...] -jar demo.jar
   * demoArgs...} in a fresh directory under target/it-work/{@code name}; {@code prefix} may run it as
   * another user (e.g. {@code runuser -u nobody --}).
   */
  static ForkedJvm start(String name, List<String> prefix, Path java, List<String> jvmFlags, String agentOptions,
                         String... demoArgs) throws IOException {
    List<String> app = new ArrayList<>(List.of("-jar", DEMO_JAR.toString()));
    app.addAll(List.of(demoArgs));
    return launch(name, prefix, java, jvmFlags, agentOptions, app);
  }

  /**
   * Starts the demo, without the agent, as another user ({@code prefix}, e.g. {@code runuser -u
   * nobody --}) in {@code dir}, from a copy of the demo jar there. The checkout may sit in a private
   * directory (a home directory, or a {@code mktemp -d}, mode 700) that the other user cannot read,
   * so nothing the JVM touches may be under it: {@code dir} must be one that user can use.
   */
  static ForkedJvm startAsAnotherUser(Path dir, List<String> prefix, String... demoArgs) throws IOException {
    Path jar = Files.copy(DEMO_JAR, dir.resolve(DEMO_JAR.getFileName()));
    List<String> app = new ArrayList<>(List.of("-jar", jar.toString()));
    app.addAll(List.of(demoArgs));
    return launchIn(dir, prefix, JAVA, List.of(), null, app);
  }

  /**
   * Starts a fixture of the leak catalogue, {@code java [-javaagent:...] -cp target/test-classes
   * dev.leakhunter.catalogue.Catalogue fixture args...}, in target/it-work/{@code name}.
   */
  static ForkedJvm catalogue(String name, String agentOptions, String fixture, String... args) throws IOException {
    List<String> app = new ArrayList<>(List.of("-cp", TEST_CLASSES.toString(), "dev.leakhunter.catalogue.Catalogue", fixture));
    app.addAll(List.of(args));
    return launch(name, List.of(), JAVA, List.of(), agentOptions, app);
  }

  /** Starts {@code java [-javaagent:...] -cp test-classes mainClass args...}: a test host of the project's own. */
  static ForkedJvm testHost(String name, String agentOptions, String mainClass, String... args) throws IOException {
    List<String> app = new ArrayList<>(List.of("-cp", TEST_CLASSES.toString(), mainClass));
    app.addAll(List.of(args));
    return launch(name, List.of(), JAVA, List.of(), agentOptions, app);
  }

  private static ForkedJvm launch(String name, List<String> prefix, Path java, List<String> jvmFlags,
                                  String agentOptions, List<String> app) throws IOException {
    Path dir = WORK.resolve(name);
    deleteRecursively(dir);
    Files.createDirectories(dir);
    return launchIn(dir, prefix, java, jvmFlags, agentOptions, app);
  }

  private static ForkedJvm launchIn(Path dir, List<String> prefix, Path java, List<String> jvmFlags,
                                    String agentOptions, List<String> app) throws IOException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(java.toString());
    if (!jvmFlags.contains(DEFAULT_HEAP)) {
      cmd.add("-Xmx256m");
    }
    cmd.add("-XX:+UseG1GC");
    cmd.addAll(jvmFlags);
    if (agentOptions != null) {
      cmd.add("-javaagent:" + AGENT_JAR + "=" + agentOptions);
    }
    cmd.addAll(app);
    Files.writeString(dir.resolve("command.txt"), String.join(" ", cmd));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    ForkedJvmCleanup.track(p);
    return new ForkedJvm(dir, p);
  }

  /** The daemon's pid, from its pid file (written before its start line); waits for it briefly. */
  long pid() throws InterruptedException {
    return pid(dir.resolve("demo-leaky-daemon.pid"));
  }

  long pid(Path pidFile) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
      } catch (IOException | NumberFormatException notYet) {
        // not written yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no pid file " + pidFile + "\n" + outputs());
  }

  /** What a {@code java -jar leakhunter.jar ...} run printed, and its exit status. */
  record CliRun(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** Runs {@code java -jar leakhunter.jar args...} with the given JDK's java, in {@code dir}. */
  static CliRun cli(Path java, Path dir, String... args) throws IOException, InterruptedException {
    return cli(List.of(), java, dir, args);
  }

  static CliRun cli(List<String> prefix, Path java, Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(java.toString());
    cmd.add("-jar");
    cmd.add(AGENT_JAR.toString());
    cmd.addAll(List.of(args));
    Files.createDirectories(dir);
    Path out = Files.createTempFile(dir, "cli", ".out");
    Path err = Files.createTempFile(dir, "cli", ".err");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("leakhunter " + String.join(" ", args) + " did not finish in 60 s");
    }
    CliRun run = new CliRun(p.exitValue(), read(out), read(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the forked JVM did not finish in " + seconds + " s\n" + outputs());
    }
    return process.exitValue();
  }

  String stdout() {
    return read(dir.resolve("stdout.txt"));
  }

  String stderr() {
    return read(dir.resolve("stderr.txt"));
  }

  String outputs() {
    return "--- stdout (" + dir + ")\n" + tail(stdout()) + "\n--- stderr\n" + tail(stderr());
  }

  Path reportDir() {
    return dir.resolve("leakhunter");
  }

  /** The JSON report as parsed maps; fails the test if it is missing or malformed. */
  @SuppressWarnings("unchecked")
  Map<String, Object> reportJson() {
    Path json = reportDir().resolve("leakhunter-report.json");
    assertTrue(Files.isRegularFile(json), "no report at " + json + "\n" + outputs());
    return (Map<String, Object>) Json.parse(read(json));
  }

  String reportText() {
    return read(reportDir().resolve("leakhunter-report.txt"));
  }

  private static String tail(String s) {
    return s.length() <= 6000 ? s : "..." + s.substring(s.length() - 6000);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(" + p + ": " + e + ")";
    }
  }

  private static String required(String property) {
    String v = System.getProperty(property);
    if (v == null) {
      throw new IllegalStateException("system property " + property + " is not set: run the integration tests through "
          + "Maven (mvn verify), which sets it");
    }
    return v;
  }

  private static Path testClasses() {
    try {
      return Path.of(ForkedJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
