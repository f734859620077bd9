package dev.leakhunter.junit;

import java.util.ArrayList;
import java.util.List;

/**
 * Test methods for {@link LeakTestExtensionTest} to drive through the extension. Not named like a
 * test, so neither surefire nor JUnit runs them on their own.
 */
final class ExtensionFixtures {
  private ExtensionFixtures() {
  }

  static final class Bodies {
    final List<byte[]> kept = new ArrayList<>(10_000);
    int runs;

    @LeakTest(jobs = 200, samples = 10)
    void keepsAKilobytePerJob() {
      kept.add(new byte[1024]);
    }

    void plainTest() {
      runs++;
    }
  }

  static final class Defaults {
    @LeakTest
    void job() {
    }
  }
}
