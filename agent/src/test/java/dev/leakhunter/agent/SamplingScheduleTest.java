package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SamplingScheduleTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void firstCensusIsAfterWarmup() {
    assertEquals(new SamplingSchedule.Due(20, 5), new SamplingSchedule(20, 0, 2).first(5));
    assertEquals(1, new SamplingSchedule(0, 10, 2).first(0).atJobs(), "warmup=0 still waits for one job");
  }

  @Test
  void everyNIgnoresTheCost() {
    SamplingSchedule s = new SamplingSchedule(20, 25, 2);
    assertEquals(new SamplingSchedule.Due(45, 1000 * MS), s.next(20, 900 * MS, 1000 * MS));
  }

  @Test
  void autoKeepsSamplingWithinTheBudget() {
    // 20 ms of census at 2% must be followed by 980 ms of undisturbed work.
    SamplingSchedule.Due due = new SamplingSchedule(20, 0, 2).next(100, 20 * MS, 1_000 * MS);
    assertEquals(101, due.atJobs());
    assertEquals(1_980 * MS, due.notBeforeNanos());
    // A 10% budget: 9x the cost.
    assertEquals(1_000 * MS + 180 * MS, new SamplingSchedule(20, 0, 10).next(100, 20 * MS, 1_000 * MS).notBeforeNanos());
  }

  @Test
  void autoNeverWaitsMoreThanAnHour() {
    SamplingSchedule.Due due = new SamplingSchedule(20, 0, 0.01).next(1, TimeUnit.MINUTES.toNanos(10), 0);
    assertEquals(TimeUnit.HOURS.toNanos(1), due.notBeforeNanos());
  }

  @Test
  void rejectsAnImpossibleBudget() {
    assertThrows(IllegalArgumentException.class, () -> new SamplingSchedule(1, 0, 0));
  }
}
