package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesScalars() {
    assertEquals(Boolean.TRUE, Json.parse("true"));
    assertEquals(Boolean.FALSE, Json.parse(" false "));
    assertNull(Json.parse("null"));
    assertEquals("x", Json.parse("\"x\""));
    assertEquals("", Json.parse("\"\""));
  }

  @Test
  void integralNumbersAreLongsAndTheRestDoubles() {
    assertEquals(40L, Json.parse("40"));
    assertEquals(-7L, Json.parse("-7"));
    assertEquals(0L, Json.parse("0"));
    assertEquals(0L, Json.parse("-0"));
    assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
    assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
    assertEquals(1.0, Json.parse("1.0"));
    assertEquals(0.99, Json.parse("0.99"));
    assertEquals(100.0, Json.parse("1e2"));
    assertEquals(1.5e-7, Json.parse("1.5E-7"));
    assertEquals(-2.5, Json.parse("-2.5e+0"));
    // Too big for a long: still a number, as a double.
    assertEquals(9.223372036854775808E18, Json.parse("9223372036854775808"));
  }

  @Test
  void objectsKeepKeyOrderAndNest() {
    Object v = Json.parse("{\"z\": 1, \"a\": [true, {\"k\": []}, {}], \"m\": null}");
    Map<?, ?> m = assertInstanceOf(Map.class, v);
    assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
    List<?> a = assertInstanceOf(List.class, m.get("a"));
    assertEquals(3, a.size());
    assertEquals(Map.of("k", List.of()), a.get(1));
    assertEquals(Map.of(), a.get(2));
    assertTrue(m.containsKey("m"));
    assertNull(m.get("m"));
  }

  @Test
  void parsedContainersAreReadOnly() {
    Map<?, ?> m = (Map<?, ?>) Json.parse("{\"a\": [1]}");
    assertThrows(UnsupportedOperationException.class, () -> m.clear());
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) m.get("a")).clear());
  }

  @Test
  void decodesEveryEscape() {
    assertEquals("\" \\ / \b \f \n \r \t", Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""));
    assertEquals("caf\u00e9", Json.parse("\"caf\\u00E9\""));
    assertEquals("A\u2028B", Json.parse("\"A\\u2028B\""));
    assertEquals("x\u0000y", Json.parse("\"x\\u0000y\""));
  }

  @Test
  void decodesUnicodeRawAndAsSurrogatePairs() {
    String grin = new String(Character.toChars(0x1F600));
    assertEquals(grin, Json.parse("\"\\ud83d\\ude00\""));
    assertEquals("Gr\u00fc\u00dfe " + grin, Json.parse("\"Gr\u00fc\u00dfe " + grin + "\""));
    // A lone surrogate is legal JSON and kept as it is.
    assertEquals("\ud800", Json.parse("\"\\ud800\""));
  }

  @Test
  void escapesNextToPlainTextAreJoinedCorrectly() {
    assertEquals("ab\ncd\u00e9ef", Json.parse("\"ab\\ncd\\u00e9ef\""));
    assertEquals("\u00e9\u00e9", Json.parse("\"\\u00e9\\u00e9\""));
  }

  @Test
  void skipsALeadingByteOrderMark() {
    assertEquals(Map.of("a", 1L), Json.parse("\uFEFF{\"a\": 1}"));
  }

  @Test
  void errorsSayWhereAndWhatWasExpected() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
    assertEquals("expected ':' after an object key but found '2' at line 3, column 7 (offset 18)", e.getMessage());
    assertEquals(18, e.offset());
  }

  @Test
  void errorAtTheEndOfInputSaysSo() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("[1, 2"));
    assertEquals("expected ',' or ']' in an array but found the end of the input at line 1, column 6 (offset 5)",
        e.getMessage());
  }

  @Test
  void rejectsWhatStrictJsonForbids() {
    assertError("[1, 2,]", "expected a JSON value but found ']'");
    assertError("{\"a\": 1,}", "expected '\"' starting an object key but found '}'");
    assertError("{'a': 1}", "expected '\"' starting an object key but found '''");
    assertError("01", "no leading zeros");
    assertError("-", "expected a digit but found the end of the input");
    assertError("1.", "a digit after the decimal point");
    assertError("1e", "a digit in the exponent");
    assertError(".5", "expected a JSON value but found '.'");
    assertError("NaN", "expected a JSON value but found 'N'");
    assertError("tru", "('true'?)");
    assertError("nul", "('null'?)");
    assertError("[1] 2", "expected end of input after the JSON value but found '2'");
    assertError("// comment\n1", "expected a JSON value but found '/'");
    assertError("", "expected a JSON value but found the end of the input");
    assertError("  ", "at line 1, column 3");
  }

  @Test
  void rejectsBadStrings() {
    assertError("\"abc", "expected '\"' closing the string but found the end of the input");
    assertError("\"a\nb\"", "control characters must be escaped) but found U+000A at line 1, column 3");
    assertError("\"a\tb\"", "found U+0009");
    assertError("\"\\x\"", "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX but found 'x'");
    assertError("\"\\u12g4\"", "expected 4 hex digits after \\u but found 'g'");
    assertError("\"\\u12", "expected 4 hex digits after \\u but found the end of the input");
    assertError("\"\\", "an escape character after '\\'");
  }

  @Test
  void rejectsDuplicateKeysNamingThem() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}"));
    assertEquals("duplicate key \"a\" at line 1, column 10 (offset 9)", e.getMessage());
  }

  @Test
  void countsLinesAfterCrLfAndBareCr() {
    assertError("[\r\n1,\r\nx]", "at line 3, column 1");
    assertError("[\r1,\rx]", "at line 3, column 1");
  }

  @Test
  void deepNestingFailsCleanlyNotWithAStackOverflow() {
    String deep = "[".repeat(100_000);
    JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
    assertTrue(e.getMessage().startsWith("JSON nested deeper than " + Json.MAX_DEPTH + " levels"), e.getMessage());
    // The limit itself is fine.
    String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertInstanceOf(List.class, Json.parse(ok));
  }

  private static void assertError(String json, String expectedPart) {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse(json), json);
    assertTrue(e.getMessage().contains(expectedPart), "for " + json + ": " + e.getMessage());
  }
}
