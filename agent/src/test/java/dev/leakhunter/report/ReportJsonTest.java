package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.Plateau;
import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

  @Test
  void aFullReportWithTwoClustersRootsAndSitesRoundTrips() {
    Report r = Reports.leak();
    Report back = ReportJson.read(ReportJson.write(r));
    assertEquals(r, back);
    assertEquals(2, back.suspects().get(3).suspect().cluster());
    assertEquals(List.of("java.util.ArrayList", "java.lang.Object[]", "com.acme.OrderRecord"),
        back.suspects().get(0).roots().get(0).path());
  }

  @Test
  void everyVerdictAndANoteRoundTrip() {
    assertEquals(Reports.noLeak(), ReportJson.read(ReportJson.write(Reports.noLeak())));
    Report inconclusive = Reports.inconclusive();
    assertEquals(inconclusive, ReportJson.read(ReportJson.write(inconclusive)));
    assertEquals("need 3 more samples (about 120 more jobs)",
        ReportJson.read(ReportJson.write(inconclusive)).note());
  }

  @Test
  void plateauedTypesRoundTripAndOlderReportsHaveNone() {
    Report leak = Reports.leak();
    Report withPlateau = new Report(leak.schema(), leak.tool(), leak.jvm(), leak.options(), leak.jobs(),
        leak.samples(), leak.verdict(), leak.note(), leak.suspects(), leak.cost(),
        List.of(new Plateau("com.acme.Rendered", 130, 8_320, 20, 160)));
    String json = ReportJson.write(withPlateau);
    assertEquals(withPlateau, ReportJson.read(json));
    Map<?, ?> p = (Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(json)).get("plateaued")).get(0);
    assertEquals(List.of("type", "instancesGrown", "bytesGrown", "fromJobs", "flatSinceJobs"), List.copyOf(p.keySet()));
    String older = json.replaceAll("(?s)\"plateaued\": \\[.*?\\],?\\s*", "");
    assertFalse(older.contains("plateaued"), older);
    assertEquals(List.of(), ReportJson.read(older).plateaued());
  }

  @Test
  void writesTheShapeDesignPromises() {
    Map<?, ?> json = (Map<?, ?>) Json.parse(ReportJson.write(Reports.leak()));
    // plateaued: types that grew then stayed flat (issue 18); exhaustion: when each leak fills the
    // heap (issue 16), derived from the rest.
    assertEquals(List.of("schema", "tool", "jvm", "options", "jobs", "samples", "verdict", "suspects", "plateaued",
        "exhaustion"), List.copyOf(json.keySet()));
    assertEquals(1L, json.get("schema"));
    assertEquals(Map.of("name", "leakhunter", "version", "0.1.0"), json.get("tool"));
    assertEquals(Map.of("pid", 4242L, "version", "17.0.15", "gc", "G1", "maxHeapBytes", 536870912L), json.get("jvm"));
    assertEquals(Map.of("completed", 400L, "inFlight", 0L, "warmup", 20L), json.get("jobs"));
    assertEquals("com.acme.Worker#handle", ((Map<?, ?>) json.get("options")).get("jobs"));
    assertEquals("leak", json.get("verdict"));

    Map<?, ?> sample = (Map<?, ?>) ((List<?>) json.get("samples")).get(0);
    assertEquals(List.of("jobs", "uptimeMs", "liveBytes", "liveObjects", "censusMs", "inFlight", "loadedClasses",
        "threads", "jobsAfter"), List.copyOf(sample.keySet()));

    Map<?, ?> suspect = (Map<?, ?>) ((List<?>) json.get("suspects")).get(0);
    assertEquals(List.of("type", "instancesPerJob", "bytesPerJob", "confidence", "cluster", "series", "roots",
        "allocationSites"), List.copyOf(suspect.keySet()));
    assertEquals("com.acme.OrderRecord", suspect.get("type"));
    assertEquals(1.0, suspect.get("instancesPerJob"));
    assertEquals(88.0, suspect.get("bytesPerJob"));
    assertEquals(1L, suspect.get("cluster"));
    assertEquals(List.of(40L, 20L, 1760L), ((List<?>) suspect.get("series")).get(0));
    assertEquals(Map.of("root", "static com.acme.Worker.processed",
            "path", List.of("java.util.ArrayList", "java.lang.Object[]", "com.acme.OrderRecord"), "bytesPerJob", 112.0),
        ((List<?>) suspect.get("roots")).get(0));
    Map<?, ?> site = (Map<?, ?>) ((List<?>) suspect.get("allocationSites")).get(0);
    assertEquals(380L, site.get("survivors"));
    assertEquals("com.acme.OrderRecord.<init>(OrderRecord.java:12)", ((List<?>) site.get("frames")).get(0));
  }

  @Test
  void omitsANullNoteAndReadsAnExplicitNull() {
    String json = ReportJson.write(Reports.leak());
    assertFalse(json.contains("\"note\""));
    assertNull(ReportJson.read(json.replace("\"verdict\": \"leak\",", "\"verdict\": \"leak\", \"note\": null,")).note());
  }

  @Test
  void endsWithANewlineAndKeepsSamplesAndSeriesTriplesOnOneLineEach() {
    String json = ReportJson.write(Reports.leak());
    assertTrue(json.endsWith("}\n"));
    assertTrue(json.contains("\n        [40, 20, 1760],\n"), json);
    assertTrue(json.contains("\n    {\"jobs\": 40, \"uptimeMs\": 2000, \"liveBytes\": 14898320, \"liveObjects\": 181284, "
        + "\"censusMs\": 18, \"inFlight\": 1, \"loadedClasses\": 3412, \"threads\": 23, \"jobsAfter\": 42},\n"), json);
  }

  @Test
  void nanSlopesAreWrittenAsNullAndReadBackAsNan() {
    Suspect s = new Suspect("byte[]", Double.NaN, Double.POSITIVE_INFINITY, 0.5, 1, List.of(new SeriesPoint(40, 1, 16)));
    Report r = new Report(1, Reports.TOOL, Reports.JVM, Map.of(), new Report.Jobs(40, 0, 20), List.of(),
        Verdict.INCONCLUSIVE, null, List.of(new Report.SuspectReport(s, List.of(), List.of())));
    String json = ReportJson.write(r);
    assertTrue(json.contains("\"instancesPerJob\": null,\n"), json);
    assertTrue(json.contains("\"bytesPerJob\": null,\n"), json);
    Suspect back = ReportJson.read(json).suspects().get(0).suspect();
    assertTrue(Double.isNaN(back.instancesPerJob()));
    assertTrue(Double.isNaN(back.bytesPerJob()));
  }

  @Test
  void namesWithQuotesAndUnicodeRoundTrip() {
    Report r = Reports.withSuspect("com.acme.Caf\u00e9$\"Quoted\"\\Name",
        "static com.acme.Registry.\u0444\u0430\u0439\u043b\u044b", "com.acme.Gen<T>.make(Gen.java:7)\u2028");
    assertEquals(r, ReportJson.read(ReportJson.write(r)));
  }

  @Test
  void toleratesUnknownFieldsFromANewerWriter() {
    String json = ReportJson.write(Reports.leak())
        .replace("\"schema\": 1,", "\"schema\": 1, \"host\": {\"name\": \"box\", \"tags\": [1, 2]},")
        .replace("\"type\": \"com.acme.OrderRecord\",", "\"type\": \"com.acme.OrderRecord\", \"loaders\": 2,")
        .replace("\"survivors\": 380", "\"survivors\": 380, \"sampled\": true")
        .replace("[40, 20, 1760]", "[40, 20, 1760, 2]");
    assertEquals(Reports.leak(), ReportJson.read(json));
  }

  @Test
  void readsSamplesWithOnlyTheFieldsDesignShows() {
    String json = ReportJson.write(Reports.noLeak()).replaceAll(", \"inFlight\": \\d+, \"loadedClasses\": \\d+, \"threads\": \\d+", "");
    Report.Sample s = ReportJson.read(json).samples().get(0);
    assertEquals(40, s.jobs());
    assertEquals(-1, s.inFlight());
    assertEquals(-1, s.loadedClasses());
    assertEquals(-1, s.threads());
  }

  @Test
  void aMissingRequiredFieldIsNamedByItsPath() {
    String json = ReportJson.write(Reports.leak());
    assertReadError(json.replace("\"completed\": 400, ", ""), "missing required field \"jobs.completed\"");
    assertReadError(json.replace("\"survivors\": 380", "\"survived\": 380"),
        "missing required field \"suspects[0].allocationSites[0].survivors\"");
    assertReadError(json.replace("\"verdict\": \"leak\",", ""), "missing required field \"verdict\"");
    assertReadError(json.replaceFirst("\"censusMs\": \\d+, ", ""), "missing required field \"samples[0].censusMs\"");
  }

  @Test
  void aWrongTypeIsNamedWithWhatWasFound() {
    String json = ReportJson.write(Reports.leak());
    assertReadError(json.replace("\"pid\": 4242", "\"pid\": \"4242\""),
        "jvm.pid: expected an integer, found the string \"4242\"");
    assertReadError(json.replace("\"completed\": 400", "\"completed\": 400.5"),
        "jobs.completed: expected an integer, found the number 400.5");
    assertReadError(json.replace("[40, 20, 1760]", "[40, 20]"),
        "suspects[0].series[0]: expected [jobs, instances, bytes], found an array of 2");
    assertReadError(json.replace("[40, 20, 1760]", "[40, \"20\", 1760]"),
        "suspects[0].series[0][1]: expected an integer, found the string \"20\"");
    assertReadError(json.replace("\"confidence\": 0.99", "\"confidence\": true"),
        "suspects[0].confidence: expected a number, found true");
    assertReadError(json.replace("\"report\": \"json:txt:html\"", "\"report\": [\"json\"]"),
        "options.report: expected a string, found an array of 1");
    assertReadError(json.replace("\"tool\": {", "\"tool\": [], \"x\": {"), "tool: expected an object, found an array of 0");
  }

  @Test
  void anUnknownVerdictListsTheKnownOnes() {
    assertReadError(ReportJson.write(Reports.leak()).replace("\"verdict\": \"leak\"", "\"verdict\": \"LEAK\""),
        "verdict: unknown verdict 'LEAK'; expected leak, no-leak or inconclusive");
  }

  @Test
  void anUnknownSchemaIsRefusedClearly() {
    String json = ReportJson.write(Reports.leak());
    assertReadError(json.replace("\"schema\": 1", "\"schema\": 2"),
        "report schema 2 is not supported: this leakhunter reads schema 1; use a newer leakhunter to read it");
    assertReadError(json.replace("\"schema\": 1", "\"schema\": 0"),
        "report schema 0 is not supported: this leakhunter reads schema 1");
    assertReadError(json.replace("\"schema\": 1,", ""), "not a leakhunter report: no \"schema\" field");
    assertReadError(json.replace("\"schema\": 1", "\"schema\": \"1\""), "schema: expected an integer");
  }

  @Test
  void refusesJsonThatIsNotAReportObject() {
    assertReadError("[1, 2]", "not a leakhunter report: expected a JSON object at the top, found an array of 2");
    JsonException e = assertThrows(JsonException.class, () -> ReportJson.read("{\"schema\": 1,"));
    assertTrue(e.getMessage().contains("at line 1, column 14"), e.getMessage());
  }

  private static void assertReadError(String json, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportJson.read(json));
    assertTrue(e.getMessage().startsWith(message), "expected \"" + message + "\" but got \"" + e.getMessage() + "\"");
  }
}
