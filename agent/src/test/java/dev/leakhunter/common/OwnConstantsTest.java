package dev.leakhunter.common;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnConstantsTest {

  private static final Path CLASSES = Path.of(System.getProperty("leakhunter.classes", "target/classes"));

  @Test
  void theAgentsStringConstantsAreReadAndInterned() throws Exception {
    Set<String> strings = OwnConstants.read(CLASSES);
    // A message of a path that runs only when a census fails (Hunter), and one of a class the
    // agent loads late (NoJobsWarning).
    assertTrue(strings.contains("census failed"), "Hunter's constants");
    assertTrue(strings.stream().anyMatch(s -> s.startsWith("no loaded class matches jobs=")), "NoJobsWarning's");
    for (String s : strings) {
      assertSame(s, s.intern(), s);
    }
  }

  @Test
  void onceAJvmAndNeverEmpty() {
    int n = OwnConstants.resolve();
    assertTrue(n > 500, n + " constants");
    assertTrue(OwnConstants.resolve() == n, "the second call reads nothing again");
  }
}
