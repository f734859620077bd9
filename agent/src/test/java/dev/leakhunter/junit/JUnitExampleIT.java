package dev.leakhunter.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * examples/junit-example as a new user would run it: a separate Maven project that only adds the
 * dependency. The freshly built jar, its installed pom and the parent pom go into a temporary
 * local repository; everything else (plugins, JUnit) is read from the developer's own local
 * repository through a file:// mirror, so the check needs no network and leaves ~/.m2 alone.
 */
class JUnitExampleIT {

  static final Path JAR = Path.of(System.getProperty("leakhunter.jar")).toAbsolutePath();
  static final Path ROOT = JAR.getParent().getParent().getParent();
  static final Path WORK = Path.of(System.getProperty("leakhunter.it.workDir")).resolve("junit-example");

  @Test
  void aNewUsersLeakTestFailsNamingByteArrayAndTheHealthyOnePasses() throws Exception {
    deleteRecursively(WORK);
    Path project = WORK.resolve("project");
    copyRecursively(ROOT.resolve("examples/junit-example"), project);
    String version = version();
    Path repo = WORK.resolve("repo");
    install(JAR, repo, "leakhunter-agent", version, "jar");
    install(JAR.resolveSibling("dependency-reduced-pom.xml"), repo, "leakhunter-agent", version, "pom");
    install(ROOT.resolve("pom.xml"), repo, "leakhunter-parent", version, "pom");
    Path settings = WORK.resolve("settings.xml");
    Files.writeString(settings, "<settings><mirrors><mirror><id>developer-local-repository</id><mirrorOf>*</mirrorOf>"
        + "<url>" + Path.of(System.getProperty("leakhunter.it.localRepository")).toUri() + "</url></mirror></mirrors></settings>\n");

    List<String> cmd = new ArrayList<>(List.of(mvn().toString(), "-B", "-q", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo, "-Dleakhunter.version=" + version, "test"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(WORK.resolve("mvn-output.txt").toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("leakhunter.it.javaHome"));
    pb.environment().remove("MAVEN_OPTS");
    Process mvn = pb.start();
    if (!mvn.waitFor(300, TimeUnit.SECONDS)) {
      mvn.destroyForcibly();
      throw new AssertionError("mvn test on the example did not finish in 300 s\n" + output());
    }

    assertEquals(1, mvn.exitValue(), "the example's leaking test fails the build\n" + output());
    Path report = project.resolve("target/surefire-reports/TEST-com.example.JobLeakTest.xml");
    assertTrue(Files.exists(report), "surefire ran the example's tests\n" + output());
    String xml = Files.readString(report);
    assertTrue(xml.contains("tests=\"2\"") && xml.contains("failures=\"1\"") && xml.contains("errors=\"0\""),
        xml.substring(0, Math.min(600, xml.length())));
    String leaking = testcase(xml, "aJobThatKeepsAKilobyteEachTimeLeaks");
    assertTrue(leaking.contains("<failure message=\"leakhunter: byte[] keeps growing"), leaking);
    assertTrue(leaking.contains("type=\"dev.leakhunter.junit.LeakAssertionError\""), leaking);
    assertTrue(leaking.contains("verdict: LEAK"), leaking);
    assertTrue(leaking.contains("held by static com.example.JobLeakTest.KEPT"), "the message names the field\n" + leaking);
    String out = output();
    assertTrue(out.contains("[leakhunter] no options: not hunting"), "the agent came in through argLine\n" + out);
    assertTrue(!out.contains("loaded dynamically"), "no dynamic attach, so no JDK 21+ warning\n" + out);
    String healthy = testcase(xml, "aJobThatKeepsNothingPasses");
    assertTrue(!healthy.contains("<failure") && !healthy.contains("<error"), healthy);
  }

  private static String testcase(String xml, String name) {
    int start = xml.indexOf("<testcase name=\"" + name + "\"");
    assertTrue(start >= 0, name + " in\n" + xml);
    int end = xml.indexOf("</testcase>", start);
    int selfClosed = xml.indexOf("/>", start);
    int next = xml.indexOf("<testcase ", start + 1);
    if (end < 0 || (next > 0 && end > next)) {
      end = selfClosed;
    }
    return xml.substring(start, end);
  }

  private static String version() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String v = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
      assertNotNull(v, "Implementation-Version in " + JAR);
      return v;
    }
  }

  /** The layout {@code mvn install} makes: group/artifact/version/artifact-version.ext. */
  private static void install(Path file, Path repo, String artifact, String version, String ext) throws IOException {
    Path dir = repo.resolve("dev/leakhunter").resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.copy(file, dir.resolve(artifact + "-" + version + "." + ext), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path mvn() {
    Path mvn = Path.of(System.getProperty("leakhunter.it.mavenHome"), "bin", "mvn");
    assertTrue(Files.isExecutable(mvn), "no Maven at " + mvn);
    return mvn;
  }

  private static String output() {
    try {
      String out = Files.readString(WORK.resolve("mvn-output.txt"));
      return "--- mvn output (" + WORK + ")\n" + (out.length() > 6000 ? "..." + out.substring(out.length() - 6000) : out);
    } catch (IOException e) {
      return "(no mvn output: " + e.getMessage() + ")";
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (dir.getFileName().toString().equals("target")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
