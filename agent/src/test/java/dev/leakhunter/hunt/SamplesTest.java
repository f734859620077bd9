package dev.leakhunter.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakhunter.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void theOldestGoBeyondTheCapacity() {
    Samples samples = new Samples(3);
    for (long jobs = 10; jobs <= 50; jobs += 10) {
      samples.add(sample(jobs, -1));
    }
    assertEquals(List.of(30L, 40L, 50L), jobsOf(samples.list()));
  }

  @Test
  void aCensusAtTheNewestsJobCountIsListedOnce() {
    // The JUnit API's second window starts with a census where the first one ended.
    Samples samples = new Samples(5);
    samples.add(sample(100, 100));
    samples.add(sample(100, 100));
    samples.add(sample(125, 125));
    assertEquals(List.of(100L, 125L), jobsOf(samples.list()));
  }

  @Test
  void doneAtIsTheNewestsJobsAfter() {
    Samples samples = new Samples(4);
    samples.add(sample(20, -1));
    samples.add(sample(40, -1));
    samples.doneAt(43);
    List<Report.Sample> listed = samples.list();
    assertEquals(-1, listed.get(0).jobsAfter());
    assertEquals(43, listed.get(1).jobsAfter());
    assertEquals(sample(40, 43), listed.get(1), "only jobsAfter changes");
  }

  @Test
  void theListIsACopy() {
    Samples samples = new Samples(4);
    samples.add(sample(20, -1));
    List<Report.Sample> before = samples.list();
    samples.add(sample(40, -1));
    assertEquals(1, before.size());
  }

  private static Report.Sample sample(long jobs, long jobsAfter) {
    return new Report.Sample(jobs, 1_000 + jobs, 4_096, 64, 12, 1, 900, 12, jobsAfter);
  }

  private static List<Long> jobsOf(List<Report.Sample> samples) {
    List<Long> jobs = new ArrayList<>();
    for (Report.Sample s : samples) {
      jobs.add(s.jobs());
    }
    return jobs;
  }
}
