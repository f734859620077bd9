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
 * jobs 72, 144, 288, 576 and 1,152, so the default check's first window (jobs 50 to 450) holds three
 * steps and its second one. The second window may hold none: the check then runs on until the next
 * step comes or is overdue, rather than pass.
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

  /**
   * 160 bytes a job from empty: steps at jobs 116, 231, 461 and 922, exactly (the content is known
   * to the byte). The first window, jobs 100 to 510, holds three; the second, 510 to 920, none.
   */
  private static final LeakCheck RUN_ON = LeakHunter.check().warmup(100).jobs(410).samples(20);

  @Test
  void whenTheSecondWindowHoldsNoStepTheCheckRunsOnToTheNextOne() {
    int[] job = {0};
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> RUN_ON.assertNoLeak(() -> AuditTrail.Access.record(job[0]++)));
    String message = e.getMessage();
    Report report = ((LeakAssertionError) e).report();
    long end = report.jobs().completed();
    assertEquals(job[0], end);
    assertTrue(end > 922 && end <= 920 + 8 * 410, message);
    assertTrue(message.startsWith("leakhunter: byte[] keeps growing"), message);
    assertTrue(message.contains("(the second run on to job " + end + " for the next step of a doubling buffer)"), message);
    assertTrue(report.note().contains("the second window ran on from job 920 to job " + end), report.note());
    assertTrue(message.contains("held by static example.audit.AuditTrail$Access.LINES"), message);
    assertTrue(message.contains("\nleakhunter: the leak grows +"), "what it costs per million jobs: " + message);
  }

  @Test
  void aBufferThatStopsFillingIsWaitedForThenPasses() {
    StringBuilder kept = new StringBuilder();
    int[] job = {0};
    // Fills like Access until job 700, after its step at 461, then stops: no step at 922.
    Report report = RUN_ON.measure(() -> {
      if (job[0] < 700) {
        for (int i = 0; i < 10; i++) {
          kept.append("job ").append(100_000 + job[0]).append(" done\n");
        }
      }
      job[0]++;
    });
    assertEquals(Verdict.NO_LEAK, report.verdict(), report.note());
    assertTrue(report.jobs().completed() > 922, "it ran on for the next step: " + report.jobs());
    assertTrue(report.note().contains("grew in only one of jobs 100 to 510"), report.note());
  }

  @Test
  void aBufferEmptiedEvery100JobsPasses() {
    AuditTrail.Window window = new AuditTrail.Window();
    int[] job = {0};
    LeakHunter.assertNoLeak(() -> window.record(job[0]++));
  }
}
