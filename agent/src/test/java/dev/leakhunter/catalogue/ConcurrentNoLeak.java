package dev.leakhunter.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Control 15: 4 workers, each job holds a batch of rows while it works (a few milliseconds), then
 * drops it. Censuses land while jobs are in flight: that is noise, not growth.
 */
public final class ConcurrentNoLeak extends Fixture {

  static final class Row {
    final int job;
    final String payload;

    Row(int job, String payload) {
      this.job = job;
      this.payload = payload;
    }
  }

  @Override
  int workers() {
    return 4;
  }

  @Override
  public void job(int n) {
    List<Row> batch = new ArrayList<>();
    // Sizes vary from job to job, but do not ramp up with n: flat out, a census always lands in
    // a job, and a batch of 200 + n % 300 rows grew by one row per job for 300 jobs, live growth
    // no census can tell from a leak.
    for (int i = 0; i < 200 + Math.floorMod(n * 7919, 300); i++) {
      batch.add(new Row(n, "row-" + i));
    }
    LockSupport.parkNanos(2_000_000L); // waits on a database
    Work.sink += batch.size() + Work.transientWork(n, 20);
  }
}
