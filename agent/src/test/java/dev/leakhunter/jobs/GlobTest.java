package dev.leakhunter.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void aGlobWithoutStarsMatchesOnlyItself() {
    assertTrue(Glob.matches("com/acme/Job", "com/acme/Job"));
    assertFalse(Glob.matches("com/acme/Job", "com/acme/Jobs"));
    assertFalse(Glob.matches("com/acme/Job", "com/acme/Jo"));
    assertFalse(Glob.matches("com/acme/Job", "xcom/acme/Job"));
  }

  @Test
  void aStarMatchesAnyRunEvenNone() {
    assertTrue(Glob.matches("*", ""));
    assertTrue(Glob.matches("*", "anything/at$all"));
    assertTrue(Glob.matches("com/acme/*Job", "com/acme/Job"));
    assertTrue(Glob.matches("com/acme/*Job", "com/acme/mail/SendJob"));
    assertFalse(Glob.matches("com/acme/*Job", "com/acme/JobRunner"));
    assertTrue(Glob.matches("handle*", "handle"));
    assertTrue(Glob.matches("handle*", "handleMessage"));
    assertFalse(Glob.matches("handle*", "onHandle"));
  }

  @Test
  void severalStarsBacktrack() {
    assertTrue(Glob.matches("*a*b*c", "xaybzc"));
    assertTrue(Glob.matches("*ab*ab", "abxabab"));
    assertFalse(Glob.matches("*ab*ab", "abxaba"));
    assertTrue(Glob.matches("a**b", "ab"));
    assertFalse(Glob.matches("*a*b*c", "cba"));
  }
}
