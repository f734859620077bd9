package dev.leakhunter.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.report.Report;
import dev.leakhunter.retention.Explanation;
import dev.leakhunter.retention.Holding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

  private static final Report.Jvm JVM = new Report.Jvm(42, "17.0.15", "G1", -1);

  @Test
  void eachSuspectWithItsRootsFromTheWalk() {
    Suspect order = suspect("com.acme.Order");
    Suspect node = suspect("java.util.HashMap$Node");
    Explanation walk = new Explanation(Map.of("com.acme.Order", List.of(
        new Holding("static com.acme.Worker.kept", List.of("java.util.ArrayList", "com.acme.Order"), 40, 1_920,
            1.0, 48.0, 40))), 1_000, 5_000_000, List.of());
    Map<String, String> options = new LinkedHashMap<>();
    options.put("jobs", "com.acme.Worker#handle");

    Report report = new ReportBuilder("1.2", JVM, options, null).report(new Report.Jobs(40, 0, 20),
        List.of(), Verdict.LEAK, List.of(order, node), "a note", walk);

    assertEquals(new Report.Tool("leakhunter", "1.2"), report.tool());
    assertEquals(JVM, report.jvm());
    assertEquals(options, report.options());
    assertEquals(Verdict.LEAK, report.verdict());
    assertEquals("a note", report.note());
    assertEquals(2, report.suspects().size());
    Report.SuspectReport first = report.suspects().get(0);
    assertEquals(order, first.suspect());
    assertEquals(List.of(new Report.Root("static com.acme.Worker.kept",
        List.of("java.util.ArrayList", "com.acme.Order"), 48.0, 1_920)), first.roots());
    assertEquals(List.of(), first.allocationSites(), "no allocations followed");
    assertEquals(List.of(), report.suspects().get(1).roots(), "the walk did not reach it");
  }

  @Test
  void noWalkNoRoots() {
    assertEquals(List.of(), ReportBuilder.roots(null, "com.acme.Order"));
    assertEquals(List.of(), new ReportBuilder("1.2", JVM, Map.of(), null).sites("com.acme.Order"));
  }

  @Test
  void notesJoinedWhereThereAreAny() {
    assertNull(ReportBuilder.joinNotes(null, null));
    assertEquals("a", ReportBuilder.joinNotes("a", null));
    assertEquals("b", ReportBuilder.joinNotes(null, "b"));
    assertEquals("a; b", ReportBuilder.joinNotes("a", "b"));
  }

  private static Suspect suspect(String type) {
    return new Suspect(type, 1.0, 48.0, 0.99, 1, List.of(new SeriesPoint(20, 20, 960), new SeriesPoint(40, 40, 1_920)));
  }
}
