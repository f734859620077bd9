package dev.leakhunter.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The API on jobs whose retention is known exactly: a byte[] per job, or nothing. */
class LeakHunterTest {

  /** Pre-sized, so the list's own array does not grow: the byte[]s are the only growth. */
  private final List<byte[]> kept = new ArrayList<>(10_000);
  private final List<byte[]> scratch = new ArrayList<>();

  @Test
  void aKilobytePerJobFailsWithByteArrayAndItsRateInTheMessage() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> LeakHunter.assertNoLeak(() -> kept.add(new byte[1024])));
    String message = e.getMessage();
    // The census counts every byte[] in this JVM: its own lazy work during the 400 jobs (one run
    // opened a jar, whose central directory is a byte[]) may add one or two: +1.003 once.
    java.util.regex.Matcher rate = java.util.regex.Pattern.compile(
        "leakhunter: byte\\[\\] keeps growing: \\+(\\d+\\.\\d+) instances/job, \\+(\\d+\\.\\d) bytes/job,"
            + " in two windows of 400 jobs").matcher(message);
    assertTrue(rate.lookingAt(), message);
    double instances = Double.parseDouble(rate.group(1));
    double bytes = Double.parseDouble(rate.group(2));
    assertTrue(instances >= 1.0 && instances < 1.01, "one array per job: " + message);
    assertTrue(bytes >= 1040.0 && bytes < 1050.0, "1 KiB and a 16-byte header per job: " + message);
    // No root check here: this test class lives in the agent's own package, whose objects the
    // walk leaves out. JUnitExampleIT and DemoWorkerLeakTest check the roots a user's test gets.
    assertTrue(message.contains("verdict: LEAK"), message);
    assertTrue(message.contains("Leak 1: byte[]"), message);
    LeakAssertionError leak = assertInstanceOf(LeakAssertionError.class, e);
    assertEquals(Verdict.LEAK, leak.report().verdict());
  }

  @Test
  void aJobThatKeepsNothingPasses() {
    LeakHunter.assertNoLeak(() -> {
      scratch.add(new byte[1024]);
      scratch.clear();
    });
  }

  @Test
  void measureTakesTheCensusesAtFixedJobCountsAndReportsThePerJobRates() {
    Report report = LeakHunter.measure(() -> kept.add(new byte[1024]));

    assertEquals(Verdict.LEAK, report.verdict());
    // 50 of warm-up, 400 in the first window, 400 more to confirm the leak.
    assertEquals(850, report.jobs().completed());
    assertEquals(50, report.jobs().warmup());
    assertEquals(33, report.samples().size());
    for (int i = 0; i < 33; i++) {
      assertEquals(50 + 25 * i, report.samples().get(i).jobs(), "census " + i);
    }
    Suspect lead = report.suspects().get(0).suspect();
    assertEquals("byte[]", lead.type());
    assertEquals(1.0, lead.instancesPerJob(), 0.01);
    // 1,024 bytes plus the array header (16 bytes with compressed class pointers).
    assertEquals(1040, lead.bytesPerJob(), 16);
    assertEquals(450, lead.series().get(0).jobs(), "the rates are the confirming window's");
    assertTrue(report.note().contains("growth confirmed over jobs 50 to 450 and 450 to 850"), report.note());
    assertEquals(850, kept.size());
  }

  @Test
  void growthThatStopsAfterTheFirstWindowIsNotALeak() {
    int[] runs = {0};
    // Like code and caches settling: growth over the first window, none over the second.
    Report report = LeakHunter.measure(() -> {
      if (runs[0]++ < 450) {
        kept.add(new byte[1024]);
      }
    });
    assertEquals(Verdict.NO_LEAK, report.verdict());
    assertEquals(List.of(), report.suspects());
    assertTrue(report.note().contains("grew in only one of jobs 50 to 450 and 450 to 850, so not counted as leaking"
        + " (code or caches settling): byte[]"), report.note());
    assertEquals(850, runs[0]);
  }

  @Test
  void theConfiguredFormRunsTheJobsItIsGiven() {
    int[] runs = {0};
    LeakHunter.assertNoLeak(LeakHunter.check().warmup(10).jobs(100).samples(10), () -> runs[0]++);
    assertEquals(110, runs[0]);
  }

  @Test
  void ignoredTypesAreLeftOutOfTheCensuses() {
    LeakHunter.check().ignore("byte[]").assertNoLeak(() -> kept.add(new byte[1024]));
    LeakHunter.check().ignore("byte*").assertNoLeak(() -> kept.add(new byte[1024]));
  }

  @Test
  void growthWithinTheAllowanceIsNotedNotFailed() {
    // new byte[16] is 32 bytes: under an allowance of 64 bytes per job, over one of 16.
    Report report = LeakHunter.check().allowBytesPerJob(64).measure(() -> kept.add(new byte[16]));
    assertEquals(Verdict.NO_LEAK, report.verdict());
    assertTrue(report.note().contains("allowedBytesPerJob=64: byte[]"), report.note());

    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> LeakHunter.check().allowBytesPerJob(16).assertNoLeak(() -> kept.add(new byte[16])));
    assertTrue(e.getMessage().contains("byte[]"), e.getMessage());
  }

  @Test
  void anInconclusiveRunFailsSayingHowManyMoreJobsItNeeds() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> LeakHunter.check().jobs(30).samples(10).assertNoLeak(() -> { }));
    String message = e.getMessage();
    assertTrue(message.startsWith("leakhunter: inconclusive, so failed: 20 more jobs needed"), message);
    assertTrue(message.contains("set jobs >= 50 (have 30, 20 more)"), message);
    assertTrue(message.contains("verdict: INCONCLUSIVE"), message);

    AssertionFailedError few = assertThrows(AssertionFailedError.class,
        () -> LeakHunter.check().samples(4).assertNoLeak(() -> { }));
    assertTrue(few.getMessage().contains("3 more samples needed (5 of 8)"), few.getMessage());
    assertTrue(few.getMessage().contains("set samples >= 7 (have 4)"), few.getMessage());
  }

  @Test
  void theJobsOwnExceptionEndsTheRunUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    int[] runs = {0};
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> LeakHunter.assertNoLeak(() -> {
      if (++runs[0] == 70) {
        throw boom;
      }
    }));
    assertSame(boom, thrown);
    assertEquals(70, runs[0]);

    Exception checked = new Exception("checked");
    assertSame(checked, assertThrows(Exception.class, () -> LeakHunter.measure(() -> {
      throw checked;
    })));
  }

  @Test
  void badSettingsNameTheSettingAndItsValidForm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LeakHunter.check().samples(0));
    assertEquals("leak check setting samples=0 is invalid; expected an integer from 1 to jobs (400)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LeakHunter.check().warmup(-1));
    assertTrue(e.getMessage().startsWith("leak check setting warmup=-1 is invalid"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LeakHunter.check().ignore(" "));
    assertTrue(e.getMessage().startsWith("leak check setting ignore= "), e.getMessage());
    assertNotNull(LeakHunter.check().jobs(5).samples(5));
  }
}
