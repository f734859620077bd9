package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PauseGuardTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void predictsFromTheLastTwoPausesNeverBelowTheLast() {
    PauseGuard g = new PauseGuard(1000 * MS);
    assertEquals(-1, g.predictedNanos());
    g.observe(400 * MS);
    assertEquals(400 * MS, g.predictedNanos());
    g.observe(700 * MS);
    assertEquals(1000 * MS, g.predictedNanos(), "a growing heap: the pause keeps growing");
    assertFalse(g.over(), "exactly the bound is within it");
    g.observe(600 * MS);
    assertEquals(600 * MS, g.predictedNanos(), "a shrinking pause is not extrapolated downwards");
  }

  @Test
  void overTheBoundStretchesByTheRatio() {
    PauseGuard g = new PauseGuard(1000 * MS);
    g.observe(1500 * MS);
    assertTrue(g.over());
    assertEquals(1.5, g.stretch(), 1e-9);
    assertTrue(g.note(2).contains("1.5s"), g.note(2));
    // 1.5 s * 1.5 * 100/2 = 112 s between censuses
    assertTrue(g.note(2).contains("112 s"), g.note(2));
    g.observe(300 * MS);
    assertEquals(1.0, g.stretch());
    assertNull(g.note(2));
  }
}
