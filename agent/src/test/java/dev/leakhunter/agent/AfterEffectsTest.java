package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The after-effects meter on simulated hosts: a job counter advanced in time, a census every
 * {@code quiet}, the sampler looking every 20 ms as the hunter does.
 */
class AfterEffectsTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long LOOK = 20 * MS;

  /** A host at {@code perMs} jobs per ms, which completes none for {@code stallMs} after each census. */
  private static final class Host {
    final AfterEffects meter = new AfterEffects();
    long now = 1_000 * MS;
    double jobs;
    double perMs = 5;

    void run(long nanos, double rate) {
      long end = now + nanos;
      while (now < end) {
        long step = Math.min(LOOK, end - now);
        step = Math.min(step, Math.max(1, meter.nextLookNanos() - now));
        now += step;
        jobs += rate * step / MS;
        meter.look(now, (long) jobs);
      }
    }

    /** One census of {@code pauseMs}, then its quiet of {@code quietMs}, its first {@code slowMs} at {@code slowRate}. */
    void census(long pauseMs, long quietMs, long slowMs, double slowRate) {
      meter.censusStarting(now, (long) jobs);
      now += pauseMs * MS;
      meter.censusEnded(now, (long) jobs, now + quietMs * MS);
      run(slowMs * MS, slowRate);
      run((quietMs - slowMs) * MS, perMs);
    }
  }

  @Test
  void aHostThatStallsAfterEachCensusIsChargedTheStall() {
    Host host = new Host();
    host.run(1_000 * MS, host.perMs);
    for (int i = 0; i < 10; i++) {
      host.census(30, 2_000, 40, 0); // 40 ms without a job after each census
    }
    // The first census has no rate before it; the other nine measure 40 ms each, charged for all ten.
    assertEquals(9, host.meter.measured());
    assertEquals(10, host.meter.censuses());
    assertEquals(400, host.meter.chargedNanos() / MS, 2.0);
  }

  @Test
  void aHostAtHalfSpeedAfterACensusIsChargedHalfTheSlowTime() {
    Host host = new Host();
    host.run(1_000 * MS, host.perMs);
    for (int i = 0; i < 10; i++) {
      host.census(30, 2_000, 100, host.perMs / 2);
    }
    assertEquals(500, host.meter.chargedNanos() / MS, 3.0);
  }

  @Test
  void aHostUnaffectedByTheCensusesIsChargedNothing() {
    Host host = new Host();
    host.run(1_000 * MS, host.perMs);
    for (int i = 0; i < 10; i++) {
      host.census(30, 2_000, 0, host.perMs);
    }
    assertEquals(0, host.meter.chargedNanos() / MS, 1.0);
  }

  @Test
  void aHostPacedByAClockCatchesUpAndIsChargedNothing() {
    // The backlog of the pause runs at twice the pace right after it: a gain, never a charge below 0.
    Host host = new Host();
    host.run(1_000 * MS, host.perMs);
    for (int i = 0; i < 10; i++) {
      host.census(30, 2_000, 30, 2 * host.perMs);
    }
    assertEquals(10, host.meter.censuses());
    assertEquals(0, host.meter.chargedNanos());
  }

  @Test
  void oneOutlierDoesNotMoveTheCharge() {
    // A young GC in one window before a census makes the host look slow there, and the window
    // after it a gain of hundreds of ms: the median of the shortfalls ignores it.
    Host host = new Host();
    host.run(1_000 * MS, host.perMs);
    for (int i = 0; i < 8; i++) {
      host.census(30, 2_000, 40, 0);
    }
    host.run(1, host.perMs);
    host.meter.censusStarting(host.now, (long) host.jobs);
    host.now += 30 * MS;
    host.meter.censusEnded(host.now, (long) host.jobs, host.now + 2_000 * MS);
    host.run(500 * MS, 10 * host.perMs); // 5x the jobs of the window: -2 s
    host.run(1_500 * MS, host.perMs);
    host.census(30, 2_000, 40, 0);
    assertEquals(10, host.meter.censuses());
    assertEquals(400, host.meter.chargedNanos() / MS, 3.0);
  }

  @Test
  void quietsTooShortForTheWindowsAreNotMeasured() {
    // every=N on a fast host: censuses 100 ms apart leave 25 ms windows, under the 50 ms the
    // sampler's looks can resolve.
    Host host = new Host();
    host.run(1_000 * MS, host.perMs);
    for (int i = 0; i < 10; i++) {
      host.census(30, 100, 20, 0);
    }
    assertEquals(0, host.meter.measured());
    assertEquals(-1, host.meter.chargedNanos(), "not measured, not 0");
  }

  @Test
  void aCensusBeforeTheQuietIsOverLeavesTheWindowsUnmeasured() {
    // A census to give heap back comes in the middle of a quiet: the window before it is not the
    // host's steady rate, and the one after the census before it is cut short.
    Host host = new Host();
    host.run(1_000 * MS, host.perMs);
    host.census(30, 2_000, 0, host.perMs);
    host.meter.censusStarting(host.now, (long) host.jobs);
    host.now += 30 * MS;
    host.meter.censusEnded(host.now, (long) host.jobs, host.now + 2_000 * MS);
    host.run(10 * MS, host.perMs); // the next census after 10 ms, in the 500 ms window
    host.meter.censusStarting(host.now, (long) host.jobs);
    host.now += 30 * MS;
    host.meter.censusEnded(host.now, (long) host.jobs, host.now + 2_000 * MS);
    host.run(2_000 * MS, host.perMs);
    assertEquals(0, host.meter.measured());
    assertEquals(3, host.meter.censuses());
  }
}
