package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

  @Test
  void headerSaysWhoWhatAndTheVerdict() {
    List<String> lines = lines(TextReport.render(Reports.leak()));
    assertEquals("leakhunter 0.1.0: pid 4242, JDK 17.0.15, gc G1, max heap 512.0 MB", lines.get(0));
    assertEquals("jobs:    400 completed (warm-up 20), 0 in flight", lines.get(1));
    assertEquals("samples: 10 (job 40 to job 400)", lines.get(2));
    assertEquals("verdict: LEAK - 4 types keep growing with completed jobs, in 2 separate leaks", lines.get(3));
  }

  @Test
  void eachLeakLeadsWithItsBiggestTypeThenWhoHoldsItAndWhereItWasAllocated() {
    String text = TextReport.render(Reports.leak());
    List<String> lines = lines(text);
    // The headline is what the leak costs per job, all its types together; the lead's own shallow
    // bytes are a part of it, on the next line.
    int lead = lines.indexOf("Leak 1: com.acme.OrderRecord  +1.00 instances/job  +112 B/job in all, its 2 types"
        + "  (confidence 0.99)");
    assertTrue(lead > 0, text);
    assertEquals("  the OrderRecord itself: +88 B/job", lines.get(lead + 1));
    assertEquals("  growing with it:", lines.get(lead + 2));
    assertEquals("    java.lang.String  +1.00 instances/job  +24 B/job  (confidence 0.97)", lines.get(lead + 3));
    assertEquals("  held by static com.acme.Worker.processed via java.util.ArrayList -> java.lang.Object[]"
        + " -> com.acme.OrderRecord  (+112 B/job)", lines.get(lead + 4));
    assertEquals("  allocated at com.acme.OrderRecord.<init>(OrderRecord.java:12)  (380 survivors)", lines.get(lead + 5));
    assertEquals("          from com.acme.Worker.handle(Worker.java:42)", lines.get(lead + 6));
    assertEquals("          from com.acme.Worker.run(Worker.java:17)", lines.get(lead + 7));
    assertEquals("          ... 1 more frame", lines.get(lead + 8));

    int second = lines.indexOf("Leak 2: java.lang.Thread  +0.25 instances/job  +96 B/job in all, its 2 types"
        + "  (confidence 0.93)");
    assertTrue(second > lead, text);
    assertEquals("  the Thread itself: +92 B/job", lines.get(second + 1));
    assertEquals("    com.acme.Worker$$Lambda$41  +0.25 instances/job  +4 B/job  (confidence 0.91)", lines.get(second + 3));
    assertEquals("  held by static java.lang.ApplicationShutdownHooks.hooks via java.util.IdentityHashMap"
        + " -> java.lang.Object[] -> java.lang.Thread  (+96 B/job)", lines.get(second + 4));
    assertEquals("  allocated at com.acme.Worker.registerCleanup(Worker.java:88)  (95 survivors)", lines.get(second + 5));
  }

  @Test
  void theJdkTypesGrowingWithALeakAreOneLineAndTheApplicationsAreNamed() {
    List<Report.SuspectReport> cluster = new java.util.ArrayList<>();
    String[][] types = {{"com.acme.Order", "19"}, {"com.acme.LineItem", "75"}, {"byte[]", "79"},
        {"java.lang.String", "56"}, {"java.lang.Object[]", "16"}, {"java.util.ArrayList", "8"}};
    for (String[] t : types) {
      double perJob = Double.parseDouble(t[1]);
      // Every type under the one root but the list's own array, which no walk reached.
      List<Report.Root> roots = t[0].equals("java.util.ArrayList") ? List.of()
          : List.of(new Report.Root("static com.acme.Worker.PROCESSED", List.of("java.util.ArrayList", t[0]), perJob));
      cluster.add(new Report.SuspectReport(new dev.leakhunter.growth.Suspect(t[0], 0.33, perJob, 1.0,
          1, Reports.series(0.33, 24, 200)), roots, List.of()));
    }
    Report r = new Report(Report.SCHEMA, Reports.TOOL, Reports.JVM, Reports.options(), new Report.Jobs(200, 0, 20),
        Reports.samples(200, 253), dev.leakhunter.growth.Verdict.LEAK, null, cluster);
    List<String> lines = lines(TextReport.render(r));
    int lead = lines.indexOf("Leak 1: com.acme.Order  +0.33 instances/job  +253 B/job in all, its 6 types"
        + "  (confidence 1.00)");
    assertTrue(lead > 0, String.join("\n", lines));
    assertEquals("  the Order itself: +19 B/job", lines.get(lead + 1));
    assertEquals("    com.acme.LineItem  +0.33 instances/job  +75 B/job  (confidence 1.00)", lines.get(lead + 3));
    assertEquals("    4 JDK types  +159 B/job in all  (byte[], java.lang.String, java.lang.Object[], ...)",
        lines.get(lead + 4));
    // The root holds more of the leak than the lead's own path: what grows under it, all types together.
    assertEquals("  held by static com.acme.Worker.PROCESSED via java.util.ArrayList -> com.acme.Order"
        + "  (+19 B/job; the leak's types under it +245 B/job)", lines.get(lead + 5));
    // The JSON keeps every type.
    assertEquals(6, ReportJson.read(ReportJson.write(r)).suspects().size());
  }

  @Test
  void aRootSaysWhatItHoldsNowBesideItsGrowth() {
    // The latest walk's sizes: the lead's path holds 500 Orders of 56 bytes; under the same root
    // the leak's other type, 2,800 LineItems of 40 bytes.
    List<Report.SuspectReport> cluster = List.of(
        new Report.SuspectReport(new dev.leakhunter.growth.Suspect("com.acme.Order", 0.33, 19, 1.0, 1,
            Reports.series(0.33, 56, 200)), List.of(new Report.Root("static com.acme.Worker.PROCESSED",
            List.of("java.util.ArrayList", "com.acme.Order"), 19, 28_000)), List.of()),
        new Report.SuspectReport(new dev.leakhunter.growth.Suspect("com.acme.LineItem", 1.87, 75, 1.0, 1,
            Reports.series(1.87, 40, 200)), List.of(new Report.Root("static com.acme.Worker.PROCESSED",
            List.of("java.util.ArrayList", "com.acme.Order", "com.acme.LineItem"), 75, 112_000)), List.of()));
    Report r = new Report(Report.SCHEMA, Reports.TOOL, Reports.JVM, Reports.options(), new Report.Jobs(200, 0, 20),
        Reports.samples(200, 94), dev.leakhunter.growth.Verdict.LEAK, null, cluster);
    String text = TextReport.render(r);
    assertTrue(text.contains("  held by static com.acme.Worker.PROCESSED via java.util.ArrayList -> com.acme.Order"
        + "  (holds 27.3 KB, +19 B/job; the leak's types under it 136.7 KB, +94 B/job)\n"), text);
    assertEquals(r, ReportJson.read(ReportJson.write(r)), "the bytes round-trip");
    assertTrue(HtmlReport.render(r).contains("(holds 27.3 KB, +19 B/job; the leak&#39;s types under it 136.7 KB,"
        + " +94 B/job)"), HtmlReport.render(r));
  }

  @Test
  void saysWhenRootsAndSitesAreNotKnownYet() {
    Report r = Reports.leakOf(new Suspect("byte[]", 1.0, 1229.0, 0.95, 1, Reports.series(1.0, 1229, 200)),
        List.of(), List.of());
    List<String> lines = lines(TextReport.render(r));
    int lead = lines.indexOf("Leak 1: byte[]  +1.00 instances/job  +1.2 KB/job  (confidence 0.95)");
    assertTrue(lead > 0, lines.toString());
    assertEquals("  (roots not yet known)", lines.get(lead + 1));
    assertEquals("  (allocation sites are followed for application classes only)", lines.get(lead + 2));
    assertEquals("verdict: LEAK - 1 type keeps growing with completed jobs", lines.get(3));
  }

  @Test
  void saysWhenTheSitesOfAnApplicationTypeAreNotKnownYet() {
    Report r = Reports.leakOf(new Suspect("com.acme.Order", 1.0, 48.0, 0.95, 1, Reports.series(1.0, 48, 200)),
        List.of(), List.of());
    assertTrue(TextReport.render(r).contains("\n  (allocation sites not yet known)\n"), TextReport.render(r));
  }

  @Test
  void onceARootGrowsTheFlatOnesAreLeftOutOfTheText() {
    List<Report.Root> roots = List.of(new Report.Root("static com.acme.Cache.KEPT", List.of(), 48.0),
        new Report.Root("thread 'io'", List.of(), 0.0));
    Report r = Reports.leakOf(new Suspect("com.acme.Order", 1.0, 48.0, 0.95, 1, Reports.series(1.0, 48, 200)),
        roots, List.of());
    String text = TextReport.render(r);
    assertTrue(text.contains("  held by static com.acme.Cache.KEPT  (+48 B/job)\n"), text);
    assertFalse(text.contains("thread 'io'"), text);
  }

  @Test
  void tableListsEverySuspectWithWhatIsLiveNow() {
    List<String> lines = lines(TextReport.render(Reports.leak()));
    int head = lines.indexOf("All suspects (# = leak)");
    assertTrue(head > 0);
    assertEquals("  #  type                        inst/job  bytes/job  live now  live bytes  confidence", lines.get(head + 1));
    assertEquals("  1  com.acme.OrderRecord           +1.00      +88 B       380     32.7 KB        0.99", lines.get(head + 2));
    assertEquals("  2  com.acme.Worker$$Lambda$41     +0.25       +4 B        95      1.5 KB        0.91", lines.get(head + 5));
  }

  @Test
  void endsWithTheFirstAndLastSample() {
    List<String> lines = lines(TextReport.render(Reports.leak()));
    int n = lines.size();
    assertEquals("Samples: first and last of 10", lines.get(n - 3));
    assertEquals("  first  job  40  live heap 14.2 MB  census 18 ms", lines.get(n - 2));
    assertEquals("  last   job 400  live heap 14.3 MB  census 22 ms", lines.get(n - 1));
  }

  @Test
  void noLeakSaysPlainlyThatNothingGrowsOverHowMuchEvidence() {
    String text = TextReport.render(Reports.noLeak());
    assertTrue(text.contains("\nverdict: NO-LEAK - nothing grows with jobs over 10 samples / 360 jobs"
        + " (job 40 to job 400)\n"), text);
    assertFalse(text.contains("All suspects"), text);
    assertFalse(text.contains("Leak 1"), text);
  }

  @Test
  void inconclusiveShowsTheNote() {
    List<String> lines = lines(TextReport.render(Reports.inconclusive()));
    assertEquals("verdict: INCONCLUSIVE - too few samples or jobs yet to tell a leak from warm-up", lines.get(3));
    assertEquals("         need 3 more samples (about 120 more jobs)", lines.get(4));
  }

  @Test
  void growingTypesUnderANonLeakVerdictAreNotCalledLeaks() {
    Report leak = Reports.leak();
    Report r = new Report(1, leak.tool(), leak.jvm(), leak.options(), leak.jobs(), leak.samples(),
        Verdict.INCONCLUSIVE, "confidence too low", leak.suspects());
    String text = TextReport.render(r);
    assertTrue(text.contains("\nGrowing 1: com.acme.OrderRecord  +1.00"), text);
    assertTrue(text.contains("\nAll suspects (# = group)\n"), text);
    assertFalse(text.contains("Leak 1"), text);
  }

  @Test
  void capsRootsAndSitesSoTheReportStaysOneScreen() {
    List<Report.Root> roots = new ArrayList<>();
    List<Report.AllocationSite> sites = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      roots.add(new Report.Root("static com.acme.R" + i + ".f", List.of(), 8.0));
      sites.add(new Report.AllocationSite(List.of("com.acme.S" + i + ".m(S.java:1)"), 10));
    }
    Report r = Reports.leakOf(new Suspect("com.acme.X", 1.0, 40.0, 0.9, 1, Reports.series(1.0, 40, 200)),
        roots, sites);
    String text = TextReport.render(r);
    assertTrue(text.contains("  held by static com.acme.R2.f  (+8 B/job)\n"), text);
    assertFalse(text.contains("R3"), text);
    assertTrue(text.contains("  ... and 2 more roots in leakhunter-report.json / .html\n"), text);
    assertTrue(text.contains("  ... and 2 more allocation sites in leakhunter-report.json / .html\n"), text);
  }

  @Test
  void handlesAnEmptyReport() {
    Report r = new Report(1, Reports.TOOL, new Report.Jvm(1, "17.0.15", "ZGC", -1), Reports.options(),
        new Report.Jobs(0, 0, 20), List.of(), Verdict.INCONCLUSIVE, null, List.of());
    String text = TextReport.render(r);
    assertTrue(text.startsWith("leakhunter 0.1.0: pid 1, JDK 17.0.15, gc ZGC, max heap unlimited\n"), text);
    assertTrue(text.contains("\nsamples: 0\n"), text);
    assertTrue(text.endsWith("\nSamples: none yet\n"), text);
  }

  @Test
  void aSuspectWithAnEmptySeriesShowsADash() {
    Report r = Reports.leakOf(new Suspect("com.acme.X", 1.0, 40.0, 0.9, 1, List.<SeriesPoint>of()),
        List.of(), List.of());
    assertTrue(TextReport.render(r).contains("\n  1  com.acme.X     +1.00      +40 B         -"), TextReport.render(r));
  }

  @Test
  void controlCharactersInNamesCannotForgeLines() {
    Report r = Reports.withSuspect("com.acme.X\nverdict: NO-LEAK", "static a.B.c", "a.B.c(B.java:1)");
    String text = TextReport.render(r);
    assertFalse(text.contains("\nverdict: NO-LEAK"), text);
    assertTrue(text.contains("Leak 1: com.acme.X?verdict: NO-LEAK  +1.00"), text);
  }

  private static List<String> lines(String text) {
    return Arrays.asList(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
  }
}
