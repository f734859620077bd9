package dev.leakhunter.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The artifact a user's build gets: the JUnit API inside the shaded jar, JUnit itself not; and a
 * pom that neither repeats the shaded libraries nor forces JUnit onto the user.
 */
class AgentArtifactIT {

  static final Path JAR = Path.of(System.getProperty("leakhunter.jar"));
  static final Path POM = JAR.resolveSibling("dependency-reduced-pom.xml");

  @Test
  void theShadedJarHasTheJUnitApiButNotJUnit() throws Exception {
    List<String> foreign = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertNotNull(jar.getEntry("dev/leakhunter/junit/LeakHunter.class"));
      assertNotNull(jar.getEntry("dev/leakhunter/junit/LeakTestExtension.class"));
      for (JarEntry e : java.util.Collections.list(jar.entries())) {
        String n = e.getName();
        if (n.startsWith("org/junit/") || n.startsWith("org/opentest4j/") || n.startsWith("org/apiguardian/")
            || n.startsWith("net/bytebuddy/")) {
          foreign.add(n);
        }
      }
    }
    assertTrue(foreign.isEmpty(), "classes that must not be in the agent jar: " + foreign);
  }

  @Test
  void theInstalledPomKeepsJUnitOptionalAndNamesNoShadedLibrary() throws Exception {
    String pom = Files.readString(POM);
    for (String shaded : List.of("<artifactId>byte-buddy</artifactId>", "<artifactId>byte-buddy-agent</artifactId>",
        "<artifactId>jol-core</artifactId>", "<artifactId>asm</artifactId>")) {
      assertFalse(pom.contains(shaded), "shaded into the jar, so not a dependency: " + shaded + "\n" + pom);
    }
    int api = pom.indexOf("<artifactId>junit-jupiter-api</artifactId>");
    assertTrue(api > 0, pom);
    String declaration = pom.substring(api, pom.indexOf("</dependency>", api));
    assertTrue(declaration.contains("<optional>true</optional>"), declaration);
  }
}
