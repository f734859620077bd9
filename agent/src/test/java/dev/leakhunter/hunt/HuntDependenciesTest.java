package dev.leakhunter.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The flow is one-way: the agent and the JUnit API use the hunt's stages, and the stages know
 * neither (the agent's own types come in as a predicate, the report's header as values).
 */
class HuntDependenciesTest {

  private static final String OWN = "dev/leakhunter/";
  private static final Set<String> MAY_USE = Set.of(
      "hunt", "census", "growth", "retention", "allocation", "report", "common");

  @Test
  void huntUsesOnlyTheStagesBelowIt() throws Exception {
    Path classes = Path.of(SamplePipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> used = new TreeSet<>();
    int scanned = 0;
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(classes.resolve(OWN + "hunt"))) {
      walk.filter(f -> f.toString().endsWith(".class")).forEach(files::add);
    }
    for (Path file : files) {
      // Class names in the constant pool are plain ASCII in the class file's modified UTF-8.
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (int at = bytes.indexOf(OWN); at >= 0; at = bytes.indexOf(OWN, at + 1)) {
        int end = bytes.indexOf('/', at + OWN.length());
        if (end > 0) {
          used.add(bytes.substring(at + OWN.length(), end));
        }
      }
      scanned++;
    }
    assertTrue(scanned >= 5, "scanned only " + scanned + " classes under " + classes);
    used.removeAll(MAY_USE);
    assertEquals(Set.of(), used, "packages the hunt's stages must not depend on");
  }
}
