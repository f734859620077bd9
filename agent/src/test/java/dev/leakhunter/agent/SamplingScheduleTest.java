package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SamplingScheduleTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private static SamplingSchedule schedule(int every, double overhead) {
    return new SamplingSchedule(20, every, overhead, SECOND, 0);
  }

  /** Past the start-up loan: the first censuses, 1 ns each, at time 0. */
  private static SamplingSchedule afterBootstrap(SamplingSchedule s) {
    for (int i = 0; i < SamplingSchedule.BOOTSTRAP_CENSUSES; i++) {
      s.next(i, cost(1, 1), 0);
    }
    return s;
  }

  private static SamplingSchedule.Cost cost(long pauseNanos, long totalNanos) {
    return new SamplingSchedule.Cost(pauseNanos, totalNanos);
  }

  @Test
  void firstCensusIsAfterWarmup() {
    assertEquals(new SamplingSchedule.Due(20, 5), schedule(0, 2).first(5));
    assertEquals(1, new SamplingSchedule(0, 10, 2, SECOND, 0).first(0).atJobs(), "warmup=0 still waits for one job");
  }

  @Test
  void everyNIgnoresTheCostWithinMaxPause() {
    assertEquals(new SamplingSchedule.Due(45, 100_000 * MS),
        new SamplingSchedule(20, 25, 2, SECOND, 0).next(20, cost(800 * MS, 900 * MS), 100_000 * MS));
  }

  @Test
  void autoKeepsSamplingWithinTheBudget() {
    // 20 ms of work at 2% must be followed by 980 ms of undisturbed work.
    SamplingSchedule.Due due = afterBootstrap(schedule(0, 2)).next(100, cost(15 * MS, 20 * MS), 1_000 * MS);
    assertEquals(101, due.atJobs());
    assertEquals(1_980 * MS, due.notBeforeNanos());
    // A 10% budget: 9x the cost.
    assertEquals(1_000 * MS + 180 * MS,
        afterBootstrap(schedule(0, 10)).next(100, cost(15 * MS, 20 * MS), 1_000 * MS).notBeforeNanos());
  }

  @Test
  void theFirstCensusesBorrowAndTheLoanIsRepaidAtHalfTheBudget() {
    SamplingSchedule s = schedule(0, 2);
    long now = 0;
    for (int i = 0; i < SamplingSchedule.BOOTSTRAP_CENSUSES; i++) {
      now += 30 * MS; // each census costs 30 ms
      SamplingSchedule.Due due = s.next(i, cost(25 * MS, 30 * MS), now);
      // the quiet at the budget's own pace, whatever the loan: 30 ms * 49
      assertEquals(now + 1_470 * MS, due.quietUntilNanos(), "census " + i);
      if (i < SamplingSchedule.BOOTSTRAP_CENSUSES - 1) {
        // 4x the budget (8%): 30 ms * (100/8 - 1) = 345 ms of quiet, enough for a verdict in seconds
        assertEquals(now + 345 * MS, due.notBeforeNanos(), "census " + i);
        now = due.notBeforeNanos();
      } else {
        // 8 x 30 ms = 240 ms spent by 2.7 s, paid for only 12 s after the start: meanwhile a census
        // at half the budget's pace (1%): 30 ms * (100/1 - 1) = 2.97 s of quiet, not none until 12 s
        assertEquals(now + 2_970 * MS, due.notBeforeNanos());
      }
    }
    // Once the ledger is within the budget again, the budget's own pace.
    long later = 20_000 * MS;
    assertEquals(later + 1_470 * MS, s.next(100, cost(25 * MS, 30 * MS), later).notBeforeNanos());
  }

  @Test
  void aLastCensusIsWantedOnlyWhenOneIsDue() {
    SamplingSchedule s = afterBootstrap(schedule(0, 2));
    SamplingSchedule.Due due = s.next(100, cost(15 * MS, 20 * MS), 1_000 * MS); // quiet until 1,980 ms
    assertFalse(s.lastCensusWanted(due, 100, 5_000 * MS), "no job since the last census");
    assertFalse(s.lastCensusWanted(due, 150, 1_500 * MS), "the last census is recent");
    assertTrue(s.lastCensusWanted(due, 150, 2_000 * MS));
    assertFalse(s.lastCensusWanted(null, 150, 2_000 * MS), "no census yet: nothing to compare with");

    SamplingSchedule every = new SamplingSchedule(20, 20, 2, SECOND, 0);
    SamplingSchedule.Due next = every.next(100, cost(15 * MS, 20 * MS), 0);
    assertFalse(every.lastCensusWanted(next, 119, 0));
    assertTrue(every.lastCensusWanted(next, 120, 0));
  }

  @Test
  void theLedgerCountsEverySample() {
    SamplingSchedule s = schedule(0, 2);
    s.next(100, cost(15 * MS, 20 * MS), 1_000 * MS);
    s.next(200, cost(25 * MS, 30 * MS), 3_000 * MS);
    assertEquals(50 * MS, s.spentNanos());
    assertEquals(1.0, s.spentPercent(5_000 * MS), 1e-9);
  }

  @Test
  void idleTimeIsNotSavedUpForABurst() {
    SamplingSchedule s = afterBootstrap(schedule(0, 2));
    // A census an hour after start: the ledger has lots of room, the quiet rule still applies.
    long hour = TimeUnit.HOURS.toNanos(1);
    assertEquals(hour + 980 * MS, s.next(100, cost(15 * MS, 20 * MS), hour).notBeforeNanos());
  }

  @Test
  void autoNeverWaitsMoreThanAnHour() {
    SamplingSchedule.Due due = new SamplingSchedule(20, 0, 0.01, TimeUnit.HOURS.toNanos(1), 0)
        .next(1, cost(TimeUnit.MINUTES.toNanos(10), TimeUnit.MINUTES.toNanos(10)), 0);
    assertEquals(TimeUnit.HOURS.toNanos(1), due.notBeforeNanos());
  }

  @Test
  void aPauseOverMaxPauseSamplesLessAndSaysSo() {
    SamplingSchedule s = afterBootstrap(schedule(0, 2));
    SamplingSchedule.Due normal = s.next(100, cost(500 * MS, 600 * MS), 100 * SECOND);
    assertEquals(100 * SECOND + 600 * MS * 49, normal.notBeforeNanos());
    assertNull(s.pauseNote());

    long now = 200 * SECOND;
    SamplingSchedule.Due held = s.next(200, cost(2 * SECOND, 2 * SECOND), now);
    // predicted pause: 2 s + (2 s - 0.5 s) growth = 3.5 s: 3.5x the quiet
    assertEquals(now + (long) (2 * SECOND * 49 * 3.5), held.notBeforeNanos());
    String note = s.pauseNote();
    assertNotNull(note);
    assertTrue(note.contains("maxpause=1s"), note);
    assertTrue(note.contains("3.5s"), note);
  }

  @Test
  void theGuardAlsoHoldsBackEveryN() {
    SamplingSchedule s = new SamplingSchedule(20, 10, 2, SECOND, 0);
    SamplingSchedule.Due due = s.next(100, cost(3 * SECOND, 3 * SECOND), 0);
    assertEquals(110, due.atJobs());
    assertEquals((long) (3 * SECOND * 49 * 3.0), due.notBeforeNanos());
  }

  @Test
  void rejectsAnImpossibleBudget() {
    assertThrows(IllegalArgumentException.class, () -> new SamplingSchedule(1, 0, 0, SECOND, 0));
    assertThrows(IllegalArgumentException.class, () -> new SamplingSchedule(1, 0, 2, 0, 0));
  }
}
