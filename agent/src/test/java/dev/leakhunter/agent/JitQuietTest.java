package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JitQuietTest {

  /** Compilers whose total time follows a script, one value per window; no real waiting. */
  private static final class Scripted implements JitQuiet.Compilers {
    private final long[] totals;
    private int window;
    private long paused;

    Scripted(long... totals) {
      this.totals = totals;
    }

    @Override
    public long totalMillis() {
      return totals[Math.min(window, totals.length - 1)];
    }

    @Override
    public void pause(long millis) {
      paused += millis;
      window++;
    }
  }

  @Test
  void startsAfterTheFirstQuietWindow() {
    // busy (150, 120, 90 ms of compiling per 100 ms window), then 10 ms: quiet
    Scripted c = new Scripted(0, 150, 270, 360, 370, 900);
    assertEquals(4, JitQuiet.await(c, JitQuiet.MAX_WAIT_MILLIS, () -> false));
    assertEquals(400, c.paused);
  }

  @Test
  void aQuietJvmWaitsOneWindow() {
    Scripted c = new Scripted(5_000, 5_003);
    assertEquals(1, JitQuiet.await(c, JitQuiet.MAX_WAIT_MILLIS, () -> false));
  }

  @Test
  void busyCompilersAreWaitedForNoLongerThanTheCap() {
    long[] busy = new long[100];
    for (int i = 0; i < busy.length; i++) {
      busy[i] = 150L * i;
    }
    Scripted c = new Scripted(busy);
    assertEquals(20, JitQuiet.await(c, 2_000, () -> false));
    assertEquals(2_000, c.paused);
  }

  @Test
  void aJvmWithoutCompilationTimeDoesNotWait() {
    Scripted c = new Scripted(-1);
    assertEquals(0, JitQuiet.await(c, JitQuiet.MAX_WAIT_MILLIS, () -> false));
    assertEquals(0, c.paused);
  }

  @Test
  void aStopEndsTheWait() {
    long[] busy = new long[100];
    for (int i = 0; i < busy.length; i++) {
      busy[i] = 150L * i;
    }
    Scripted c = new Scripted(busy);
    AtomicInteger asked = new AtomicInteger();
    assertEquals(3, JitQuiet.await(c, JitQuiet.MAX_WAIT_MILLIS, () -> asked.incrementAndGet() > 3));
  }

  @Test
  void thisJvmReportsItsCompilationTime() {
    long total = JitQuiet.platform().totalMillis();
    assertEquals(true, total >= 0, "HotSpot times its compilers: " + total);
  }
}
