package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every shape of job counted exactly, in a forked JVM under the real agent (issue 17): instance and
 * static job methods, jobs that throw (the exception reaches the caller, the job counts), recursive
 * jobs (one job however deep), 16 platform threads at once, 1,000 virtual threads (on JDK 21+; CI's
 * JDK 25 leg), and a job that never returns (in flight at exit, never completed).
 */
class JobShapesIT {
  static final String JOBS = "jobs=dev.leakhunter.testhost.JobShapesHost$Worker#job"
      + ":dev.leakhunter.testhost.JobShapesHost$Worker#staticJob";
  private static final Pattern RETURNED =
      Pattern.compile("jobs returned: (\\d+) \\(thrown to the caller: (\\d+), virtual threads: ([^)]*)\\)");

  @Test
  void everyShapeOfJobIsCountedExactlyOnceItReturned() throws Exception {
    ForkedJvm jvm = ForkedJvm.testHost("job-shapes", JOBS + ",every=500", "dev.leakhunter.testhost.JobShapesHost");
    assertEquals(0, jvm.waitFor(120), jvm.outputs());
    Matcher m = RETURNED.matcher(jvm.stdout());
    assertTrue(m.find(), jvm.outputs());
    long returned = Long.parseLong(m.group(1));
    assertEquals("100", m.group(2), "every exception reached the caller\n" + jvm.outputs());
    boolean virtual = Runtime.version().feature() >= 21;
    assertEquals(virtual ? "5000 jobs" : "none before JDK 21", m.group(3), jvm.outputs());
    assertEquals(virtual ? 13_600 : 8_600, returned, jvm.outputs());

    Map<String, Object> report = jvm.reportJson();
    String context = jvm.outputs() + "\n" + jvm.reportText();
    assertEquals(returned, DemoLeaksIT.jobs(report, "completed"), context);
    assertEquals(1, DemoLeaksIT.jobs(report, "inFlight"), "the job that never returns\n" + context);
  }
}
