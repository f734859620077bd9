package dev.leakhunter.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.Verdict;
import dev.leakhunter.report.Report;
import example.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A leak of one buffer that doubles as it fills (instance count flat, bytes in steps whose heights
 * and spacing double). 16 bytes a job from empty: a {@code StringBuilder}'s capacity steps at about
 * jobs 72, 144, 288, 576, 1,152 and 2,304. The second window may hold no step: the check then runs
 * on until the next step comes or is overdue, rather than pass.
 */
class DoublingBufferLeakTest {

  @Test
  void aStaticStringBuilderAppendedToPerJobFailsNamingTheField() {
    int[] job = {0};
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> LeakHunter.assertNoLeak(() -> AuditTrail.record(job[0]++)));
    String message = e.getMessage();
    assertTrue(message.startsWith("leakhunter: byte[] keeps growing"), message);
    assertTrue(message.contains("held by static example.audit.AuditTrail.LINES"), message);
    Report report = ((LeakAssertionError) e).report();
    assertEquals(Verdict.LEAK, report.verdict());
    assertEquals(job[0], report.jobs().completed());
    // 16 bytes appended per job: a doubling buffer's capacity grows as fast, on average.
    double bytesPerJob = report.suspects().get(0).suspect().bytesPerJob();
    assertTrue(bytesPerJob > 8 && bytesPerJob < 64, message);
  }

  @Test
  void whenTheSecondWindowHoldsNoStepTheCheckRunsOnToTheNextOne() {
    // First window jobs 100 to 600 (steps near 144, 288, 576), second 600 to 1,100: no step
    // until about 1,152.
    LeakCheck check = LeakHunter.check().warmup(100).jobs(500).samples(20);
    int[] job = {0};
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> check.assertNoLeak(() -> AuditTrail.Access.record(job[0]++)));
    String message = e.getMessage();
    Report report = ((LeakAssertionError) e).report();
    long end = report.jobs().completed();
    assertEquals(job[0], end);
    assertTrue(end > 1_152 && end <= 1_100 + 8 * 500, message);
    assertTrue(message.startsWith("leakhunter: byte[] keeps growing"), message);
    assertTrue(message.contains("(the second run on to job " + end + " for the next step of a doubling buffer)"), message);
    assertTrue(report.note().contains("the second window ran on from job 1100 to job " + end), report.note());
    assertTrue(message.contains("held by static example.audit.AuditTrail$Access.LINES"), message);
  }

  @Test
  void aBufferThatStopsFillingIsWaitedForThenPasses() {
    StringBuilder kept = new StringBuilder();
    LeakCheck check = LeakHunter.check().warmup(100).jobs(500).samples(20);
    int[] job = {0};
    // Fills like the trails until job 700, after the last step the first window saw, then stops.
    Report report = check.measure(() -> {
      if (job[0] < 700) {
        kept.append("job ").append(100_000 + job[0]).append(" done\n");
      }
      job[0]++;
    });
    assertEquals(Verdict.NO_LEAK, report.verdict(), report.note());
    assertTrue(report.jobs().completed() > 1_100, "it ran on for the next step: " + report.jobs());
    assertTrue(report.note().contains("grew in only one of jobs 100 to 600"), report.note());
  }

  @Test
  void aBufferEmptiedEvery100JobsPasses() {
    AuditTrail.Window window = new AuditTrail.Window();
    int[] job = {0};
    LeakHunter.assertNoLeak(() -> window.record(job[0]++));
  }
}
