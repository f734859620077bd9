package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleLineTest {
  private static final Report.Sample SAMPLE =
      new Report.Sample(120, 9_000, (long) (14.2 * 1024 * 1024), 181_204, 18, 0, 3_412, 23, -1);

  private static Suspect suspect(String type, double perJob, double bytesPerJob) {
    return new Suspect(type, perJob, bytesPerJob, 0.99, 1, List.of());
  }

  @Test
  void namesTheTopSuspectsOnOneLine() {
    assertEquals("jobs=120 live=14.2 MB objects=181,204 census=18 ms verdict=leak"
            + " | +1.00/job dev.acme.Order (+88 B/job), +1.00/job byte[] (+1.2 KB/job)",
        SampleLine.format(SAMPLE, Verdict.LEAK,
            List.of(suspect("dev.acme.Order", 1.0, 88), suspect("byte[]", 1.0, 1229))));
  }

  @Test
  void namesAtMostThreeAndCountsTheRest() {
    String line = SampleLine.format(SAMPLE, Verdict.LEAK, List.of(suspect("a.A", 1, 8), suspect("a.B", 1, 8),
        suspect("a.C", 0.5, 8), suspect("a.D", 0.5, 8), suspect("a.E", 0.5, 8)));
    assertTrue(line.endsWith(", +0.50/job a.C (+8 B/job) and 2 more"), line);
    assertFalse(line.contains("a.D"), line);
  }

  @Test
  void saysNothingGrowsWhenThereAreNoSuspects() {
    assertEquals("jobs=120 live=14.2 MB objects=181,204 census=18 ms verdict=no-leak | nothing grows",
        SampleLine.format(SAMPLE, Verdict.NO_LEAK, List.of()));
    assertTrue(SampleLine.format(SAMPLE, Verdict.INCONCLUSIVE, List.of()).endsWith("verdict=inconclusive | nothing grows yet"));
  }

  @Test
  void isAlwaysExactlyOneLine() {
    String line = SampleLine.format(SAMPLE, Verdict.LEAK, List.of(suspect("a.B\n[leakhunter] forged\r", 1, 8)));
    assertFalse(line.contains("\n") || line.contains("\r"), line);
    assertTrue(line.contains("a.B?[leakhunter] forged?"), line);
  }

  @Test
  void thePerJobLineNamesTheJobsItCoversAndWhatGrew() {
    Map<String, Long> before = Map.of("dev.acme.Order", 10L, "java.lang.String", 100L, "byte[]", 50L);
    Map<String, Long> after = Map.of("dev.acme.Order", 11L, "java.lang.String", 107L, "byte[]", 49L,
        "dev.acme.LineItem", 6L);
    assertEquals("job 122: +7 java.lang.String, +6 dev.acme.LineItem, +1 dev.acme.Order",
        SampleLine.jobs(121, 122, 0, before, after));
    assertEquals("jobs 120-122 (1 in flight): +7 java.lang.String, +6 dev.acme.LineItem, +1 dev.acme.Order",
        SampleLine.jobs(119, 122, 1, before, after));
    assertEquals("job 5: nothing grew", SampleLine.jobs(4, 5, 0, before, before));
  }

  @Test
  void thePerJobLineNamesAtMostFiveTypes() {
    Map<String, Long> after = Map.of("a.A", 6L, "a.B", 5L, "a.C", 4L, "a.D", 3L, "a.E", 2L, "a.F", 1L, "a.G", 1L);
    assertEquals("job 9: +6 a.A, +5 a.B, +4 a.C, +3 a.D, +2 a.E and 2 more types",
        SampleLine.jobs(8, 9, 0, Map.of(), after));
  }
}
