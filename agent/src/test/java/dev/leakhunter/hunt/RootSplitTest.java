package dev.leakhunter.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootSplitTest {

  private static final String SESSIONS = "static com.acme.Sessions.OPEN";
  private static final String AUDIT = "static com.acme.Audit.TRAIL";

  private static Report.SuspectReport s(String type, int cluster, String... roots) {
    List<Report.Root> rs = new ArrayList<>();
    for (String r : roots) {
      rs.add(new Report.Root(r, List.of(type), 24));
    }
    return new Report.SuspectReport(new Suspect(type, 1, 24, 0.99, cluster,
        List.of(new SeriesPoint(0, 0, 0), new SeriesPoint(100, 100, 2_400))), rs, List.of());
  }

  private static List<String> typesAndClusters(List<Report.SuspectReport> suspects) {
    List<String> out = new ArrayList<>();
    for (Report.SuspectReport r : suspects) {
      out.add(r.suspect().cluster() + " " + r.suspect().type());
    }
    return out;
  }

  @Test
  void twoApplicationTypesUnderRootsWithNoneInCommonAreTwoLeaks() {
    List<Report.SuspectReport> split = RootSplit.split(List.of(
        s("com.acme.Session", 1, SESSIONS),
        s("java.lang.String", 1, AUDIT, SESSIONS),
        s("com.acme.AuditEntry", 1, AUDIT),
        s("java.util.concurrent.ConcurrentHashMap$Node", 1, SESSIONS),
        s("byte[]", 1),
        s("com.acme.Other", 2, "static com.acme.Other.KEPT")));
    assertEquals(List.of(
        "1 com.acme.Session",
        "1 java.lang.String", // held under both leaks' roots: in each, with its share
        "1 java.util.concurrent.ConcurrentHashMap$Node",
        "1 byte[]", // no root: with the cluster's lead
        "2 com.acme.AuditEntry", // the part's application type leads it
        "2 java.lang.String",
        "3 com.acme.Other"), // the next cluster, numbered on
        typesAndClusters(split));
    Report.SuspectReport inSessions = split.get(1);
    Report.SuspectReport inAudit = split.get(5);
    assertEquals(12, inSessions.suspect().bytesPerJob(), 1e-9, "half of its growth is under each root");
    assertEquals(0.5, inAudit.suspect().instancesPerJob(), 1e-9);
    assertEquals(List.of(SESSIONS), inSessions.roots().stream().map(Report.Root::root).toList());
    assertEquals(List.of(AUDIT), inAudit.roots().stream().map(Report.Root::root).toList());
  }

  @Test
  void aSharedJdkTypeIsSplitByWhatEachRootHoldsOfIt() {
    // TwoRoots, measured: String 24 B/job under the audit trail, 48 under the sessions (two paths).
    Report.SuspectReport strings = new Report.SuspectReport(new Suspect("java.lang.String", 3, 72, 0.99, 1,
        List.of(new SeriesPoint(0, 0, 0), new SeriesPoint(100, 300, 7_200))),
        List.of(new Report.Root(AUDIT, List.of("java.lang.String"), 24),
            new Report.Root(SESSIONS, List.of("java.lang.String"), 24),
            new Report.Root(SESSIONS, List.of("java.util.concurrent.ConcurrentHashMap$Node", "java.lang.String"), 24),
            new Report.Root("static com.acme.Config.NAMES", List.of("java.lang.String"), 0)),
        List.of());
    List<Report.SuspectReport> split = RootSplit.split(List.of(s("com.acme.AuditEntry", 1, AUDIT), strings,
        s("com.acme.Session", 1, SESSIONS)));
    assertEquals(List.of("1 com.acme.AuditEntry", "1 java.lang.String", "2 com.acme.Session", "2 java.lang.String"),
        typesAndClusters(split));
    assertEquals(24, split.get(1).suspect().bytesPerJob(), 1e-9);
    assertEquals(1, split.get(1).suspect().instancesPerJob(), 1e-9);
    assertEquals(48, split.get(3).suspect().bytesPerJob(), 1e-9);
    assertEquals(2, split.get(3).roots().size(), "the sessions' two paths, not the root in no leak");
  }

  @Test
  void typesThatShareAnyRootAreOneLeak() {
    // One graph held by a map and a list at once: the walk may rank either root first per type.
    List<Report.SuspectReport> cluster = List.of(
        s("com.acme.Order", 1, SESSIONS, AUDIT),
        s("com.acme.LineItem", 1, AUDIT, SESSIONS),
        s("com.acme.Note", 1, AUDIT));
    assertEquals(cluster, RootSplit.split(cluster));
  }

  @Test
  void typesWithoutRootsYetAreLeftAlone() {
    List<Report.SuspectReport> cluster = List.of(s("com.acme.Session", 1), s("com.acme.AuditEntry", 1));
    assertEquals(cluster, RootSplit.split(cluster));
  }

  @Test
  void aChainOfSharedRootsJoinsItsEnds() {
    // A and C share no root, but B shares one with each: one leak.
    List<Report.SuspectReport> cluster = List.of(
        s("com.acme.A", 1, "static R1"),
        s("com.acme.C", 1, "static R3"),
        s("com.acme.B", 1, "static R1", "static R3"));
    assertEquals(cluster, RootSplit.split(cluster));
  }
}
