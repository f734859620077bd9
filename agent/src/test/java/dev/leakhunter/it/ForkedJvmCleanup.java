package dev.leakhunter.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops every JVM a test forked and left running, after each test, whether it passed or failed: an
 * endless demo whose test failed before it stopped it must not load the machine for the tests
 * after it, nor outlive the build. Registered for every test class by JUnit's extension
 * autodetection (src/test/resources); it touches nothing else, so unit tests are unaffected.
 */
public final class ForkedJvmCleanup implements AfterEachCallback {
  private static final List<Process> STARTED = new ArrayList<>();

  static synchronized void track(Process process) {
    STARTED.add(process);
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    List<Process> started;
    synchronized (ForkedJvmCleanup.class) {
      started = new ArrayList<>(STARTED);
      STARTED.clear();
    }
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
