package dev.leakhunter.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-thread counters behind the advice: exact totals, bounded by the live threads. */
class JobTrackerTest {

  @Test
  void jobsOfThreadsThatDiedStayCountedAndTheirSlotsAreDropped() throws Exception {
    long before = JobTracker.completed();
    int threads = 1_000;
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        JobTracker.exit(JobTracker.enter());
        JobTracker.exit(JobTracker.enter());
      });
      t.start();
      t.join();
    }
    assertEquals(before + 2L * threads, JobTracker.completed());
    // A thread-per-job host must not grow the registry by a slot per thread it ever ran.
    assertTrue(JobTracker.registeredThreads() < 200, "slots kept: " + JobTracker.registeredThreads());
  }

  @Test
  void nestedEntriesOnOneThreadAreOneJob() {
    long before = JobTracker.completed();
    JobTracker.Slot outer = JobTracker.enter();
    JobTracker.Slot inner = JobTracker.enter();
    JobTracker.exit(inner);
    assertEquals(before, JobTracker.completed());
    JobTracker.exit(outer);
    assertEquals(before + 1, JobTracker.completed());
  }

  @Test
  void notToldWhenTheCountIsAlreadyThereNorAfterCancelling() {
    long[] told = {0};
    JobTracker.notifyAt(JobTracker.completed(), jobs -> told[0]++);
    JobTracker.exit(JobTracker.enter());
    assertEquals(0, told[0], "already due when asked: the caller's own check sees it");

    JobTracker.notifyAt(JobTracker.completed() + 1, jobs -> told[0]++);
    JobTracker.notifyAt(Long.MAX_VALUE, null);
    JobTracker.exit(JobTracker.enter());
    assertEquals(0, told[0]);
  }
}
