package dev.leakhunter.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ProbesTest {
  private static final int MB = 1024 * 1024;

  @Test
  void everyFigureIsAvailableAndPlausibleOnHotSpot() {
    ProbeReading r = Probes.read();

    assertTrue(r.heapUsedBytes() > 0, r::toString);
    assertTrue(r.heapUsedAfterLastGcBytes() >= 0, r::toString);
    assertTrue(r.loadedClasses() > 1_000, r::toString); // java.base alone loads more
    assertTrue(r.liveThreads() >= 1, r::toString);
    assertTrue(r.metaspaceUsedBytes() > 0, r::toString);
    assertTrue(r.gcCount() >= 0, r::toString);
  }

  @Test
  void startedThreadsAreCounted() throws InterruptedException {
    int started = 4;
    CountDownLatch running = new CountDownLatch(started);
    CountDownLatch stop = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long before = Probes.read().liveThreads();
    try {
      for (int i = 0; i < started; i++) {
        Thread t = new Thread(() -> {
          running.countDown();
          awaitQuietly(stop);
        }, "probes-test-" + i);
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
      running.await();

      long during = Probes.read().liveThreads();

      assertTrue(during >= before + started, () -> before + " -> " + during);
    } finally {
      stop.countDown();
      for (Thread t : threads) {
        t.join(5_000);
      }
    }
  }

  @Test
  void definingAClassIsCounted() throws Exception {
    byte[] bytes;
    try (var in = ProbesTest.class.getResourceAsStream("ProbesTest$Redefined.class")) {
      bytes = in.readAllBytes();
    }
    long before = Probes.read().loadedClasses();

    // A class of its own loader is new for sure; a nested class of the test may already have been
    // loaded by JUnit's or surefire's scanning.
    Class<?> defined = new OneShotLoader().define(Redefined.class.getName(), bytes);

    assertTrue(defined != Redefined.class);
    assertTrue(Probes.read().loadedClasses() > before);
  }

  @Test
  void afterGcFigureFollowsTheLiveSetWhileHeapUsedIsNoisy() {
    // 24 MB held across a full GC, then released: the "after last GC" floor must rise and fall with
    // it. System.gc() is a full collection on the default G1 (no -XX:+ExplicitGCInvokesConcurrent).
    byte[][] held = new byte[24][];
    for (int i = 0; i < held.length; i++) {
      held[i] = new byte[MB];
    }
    long gcsBefore = Probes.read().gcCount();
    System.gc();
    ProbeReading holding = Probes.read();
    int touched = held.length; // keeps the arrays reachable up to here
    held = null;
    System.gc();
    ProbeReading released = Probes.read();

    assertEquals(24, touched);
    assertTrue(holding.gcCount() > gcsBefore, () -> gcsBefore + " -> " + holding);
    assertTrue(released.gcCount() > holding.gcCount(), () -> holding + " -> " + released);
    long dropped = holding.heapUsedAfterLastGcBytes() - released.heapUsedAfterLastGcBytes();
    assertTrue(dropped >= 20L * MB, () -> "after-GC floor dropped by " + dropped + ": " + holding
        + " -> " + released);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static final class Redefined {
  }

  private static final class OneShotLoader extends ClassLoader {
    OneShotLoader() {
      super(ProbesTest.class.getClassLoader());
    }

    Class<?> define(String name, byte[] bytes) {
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
