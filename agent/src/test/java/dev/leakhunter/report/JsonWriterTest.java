package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertEquals("\"a\\\"b\\\\c\"", JsonWriter.write("a\"b\\c"));
    assertEquals("\"\\n\\r\\t\\b\\f\"", JsonWriter.write("\n\r\t\b\f"));
    assertEquals("\"\\u0000\\u0001\\u001f\\u007f\"", JsonWriter.write("\u0000\u0001\u001f\u007f"));
  }

  @Test
  void escapesLineSeparatorsThatEndALineInJavaScript() {
    assertEquals("\"a\\u2028b\\u2029c\"", JsonWriter.write("a\u2028b\u2029c"));
  }

  @Test
  void keepsPrintableUnicodeAndPairsButEscapesLoneSurrogates() {
    String grin = new String(Character.toChars(0x1F600));
    assertEquals("\"caf\u00e9 " + grin + " /\"", JsonWriter.write("caf\u00e9 " + grin + " /"));
    assertEquals("\"x\\ud800y\"", JsonWriter.write("x\ud800y"));
    assertEquals("\"\\udc00\\ud83d\"", JsonWriter.write("\udc00\ud83d"));
  }

  @Test
  void everyCharacterSurvivesARoundTrip() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      all.append(c);
    }
    all.append("\ud83d\ude00\udfff\ud800");
    assertEquals(all.toString(), Json.parse(JsonWriter.write(all.toString())));
  }

  @Test
  void writesDoublesPlainlyAndNeverNanOrInfinity() {
    assertEquals("null", JsonWriter.write(Double.NaN));
    assertEquals("null", JsonWriter.write(Double.POSITIVE_INFINITY));
    assertEquals("null", JsonWriter.write(Double.NEGATIVE_INFINITY));
    assertEquals("1.0", JsonWriter.write(1.0));
    assertEquals("0.99", JsonWriter.write(0.99));
    assertEquals("0.0001", JsonWriter.write(1.0E-4));
    assertEquals("-0.00012", JsonWriter.write(-1.2E-4));
    assertEquals("10000000.0", JsonWriter.write(1.0E7));
    assertEquals("12345678.9", JsonWriter.write(1.23456789E7));
    // Far out of the everyday range the exponent form stays: valid JSON, and no screen of zeros.
    assertEquals("1.0E-10", JsonWriter.write(1.0E-10));
    assertEquals("1.0E22", JsonWriter.write(1.0E22));
    assertEquals("0.1", JsonWriter.write(0.1f));
  }

  @Test
  void doublesReadBackExactly() {
    for (double d : new double[] {0.1, 1.0 / 3, 88.0, 1.0E-4, 2.5E-7, 123456789.125, 1.0E20, 1.0E-300, -0.0}) {
      assertEquals(d, ((Number) Json.parse(JsonWriter.write(d))).doubleValue(), "for " + d);
    }
  }

  @Test
  void writesIntegersAsTheyAre() {
    assertEquals("9223372036854775807", JsonWriter.write(Long.MAX_VALUE));
    assertEquals("-3", JsonWriter.write(-3));
    assertEquals("true", JsonWriter.write(true));
    assertEquals("null", JsonWriter.write(null));
  }

  @Test
  void prettyPrintsWithTwoSpacesAndKeepsShortScalarContainersOnOneLine() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("name", "leakhunter");
    inner.put("version", "0.1.0");
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", 1);
    root.put("tool", inner);
    root.put("series", List.of(List.of(40, 20, 960), List.of(80, 60, 2880)));
    root.put("empty", List.of());
    root.put("none", Map.of());
    assertEquals("{\n"
        + "  \"schema\": 1,\n"
        + "  \"tool\": {\"name\": \"leakhunter\", \"version\": \"0.1.0\"},\n"
        + "  \"series\": [\n"
        + "    [40, 20, 960],\n"
        + "    [80, 60, 2880]\n"
        + "  ],\n"
        + "  \"empty\": [],\n"
        + "  \"none\": {}\n"
        + "}", JsonWriter.write(root));
  }

  @Test
  void writesAnObjectOfScalarsOnOneLineWhateverItsLength() {
    Map<String, Object> sample = new LinkedHashMap<>();
    for (String k : List.of("jobs", "uptimeMs", "liveBytes", "liveObjects", "censusMs", "inFlight", "loadedClasses")) {
      sample.put(k, 1234567890L);
    }
    String json = JsonWriter.write(List.of(sample));
    assertEquals(3, json.split("\n").length, json);
    assertTrue(json.split("\n")[1].length() > JsonWriter.INLINE_WIDTH);
  }

  @Test
  void breaksAScalarListThatWouldNotFitOnALine() {
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      frames.add("com.acme.Worker.handle" + i + "(Worker.java:4" + i + ")");
    }
    String json = JsonWriter.write(Map.of("frames", frames));
    assertTrue(json.contains("\"frames\": [\n    \"com.acme.Worker.handle0(Worker.java:40)\",\n"), json);
    for (String line : json.split("\n")) {
      assertTrue(line.length() <= JsonWriter.INLINE_WIDTH, line);
    }
    assertEquals(Map.of("frames", frames), Json.parse(json));
  }

  @Test
  void nestedStructuresRoundTrip() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", Arrays.asList(1L, 2.5, "x", null, true, List.of(List.of()), Map.of("k", "v")));
    m.put("b\n\"", Map.of());
    assertEquals(m, Json.parse(JsonWriter.write(m)));
  }

  @Test
  void refusesWhatJsonCannotHold() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new Object()));
    assertEquals("cannot write java.lang.Object as JSON", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Map.of(1, "x")));
  }
}
