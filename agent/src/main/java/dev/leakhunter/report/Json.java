package dev.leakhunter.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict RFC 8259 JSON parser, so the agent needs no JSON library (anything bundled would have to be
 * shaded, and must never clash with the host's copy).
 *
 * <p>Values map to {@code Map<String, Object>} (unmodifiable, keys in document order), {@code List<Object>}
 * (unmodifiable), {@code String}, {@code Long} (numbers without fraction or exponent that fit a long),
 * {@code Double} (every other number), {@code Boolean} and {@code null}.
 *
 * <p>Strict means: no comments, trailing commas, single quotes, leading zeros, {@code NaN}, raw control
 * characters in strings, duplicate keys or text after the value. A report that breaks any of these was
 * not written by us, and guessing what it meant would hide the corruption. Only a leading byte-order mark
 * is skipped, as RFC 8259 allows, because editors on Windows add one.
 */
public final class Json {
  /** Deep enough for any report; shallow enough that hostile input fails cleanly, not with a stack overflow. */
  static final int MAX_DEPTH = 512;

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value.
   *
   * @throws JsonException with line, column and what was expected, if {@code text} is not exactly one JSON value
   */
  public static Object parse(String text) {
    if (text == null) {
      throw new NullPointerException("text");
    }
    Json p = new Json(text);
    if (text.startsWith("\uFEFF")) {
      p.pos = 1;
    }
    p.skipWhitespace();
    Object value = p.value(0);
    p.skipWhitespace();
    if (p.pos < text.length()) {
      throw p.error("end of input after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (pos >= text.length()) {
      throw error("a JSON value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("a JSON value");
    }
  }

  private Map<String, Object> object(int depth) {
    checkDepth(depth);
    pos++; // '{'
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("'\"' starting an object key");
      }
      int keyStart = pos;
      String key = string();
      if (map.containsKey(key)) {
        throw new JsonException("duplicate key \"" + key + "\" at " + where(keyStart), keyStart);
      }
      skipWhitespace();
      expect(':', "':' after an object key");
      skipWhitespace();
      map.put(key, value(depth));
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return Collections.unmodifiableMap(map);
      } else {
        throw error("',' or '}' in an object");
      }
    }
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    pos++; // '['
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      skipWhitespace();
      list.add(value(depth));
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == ']') {
        pos++;
        return Collections.unmodifiableList(list);
      } else {
        throw error("',' or ']' in an array");
      }
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = null;
    int runStart = pos;
    while (true) {
      if (pos >= text.length()) {
        throw error("'\"' closing the string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String run = text.substring(runStart, pos);
        pos++;
        return sb == null ? run : sb.append(run).toString();
      }
      if (c < 0x20) {
        throw error("a string character (control characters must be escaped)");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(text, runStart, pos);
      pos++;
      if (pos >= text.length()) {
        throw error("an escape character after '\\'");
      }
      char e = text.charAt(pos);
      switch (e) {
        case '"': sb.append('"'); break;
        case '\\': sb.append('\\'); break;
        case '/': sb.append('/'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'n': sb.append('\n'); break;
        case 'r': sb.append('\r'); break;
        case 't': sb.append('\t'); break;
        case 'u':
          sb.append(hex4());
          runStart = pos;
          continue;
        default:
          throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
      }
      pos++;
      runStart = pos;
    }
  }

  /**
   * Reads the four hex digits after {@code \\u}. Lone surrogates are kept as they are: JSON allows them, and
   * Java strings can hold them; the writer escapes them again so they survive a round trip.
   */
  private char hex4() {
    pos++; // past 'u'; leaves pos after the last digit
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = pos < text.length() ? Character.digit(text.charAt(pos), 16) : -1;
      if (d < 0) {
        throw error("4 hex digits after \\u");
      }
      v = v * 16 + d;
      pos++;
    }
    return (char) v;
  }

  private Object number() {
    int start = pos;
    boolean integral = true;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("'.', 'e' or the end of the number (no leading zeros)");
      }
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("a digit");
    }
    if (peek() == '.') {
      integral = false;
      pos++;
      if (!isDigit(peek())) {
        throw error("a digit after the decimal point");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("a digit in the exponent");
      }
      digits();
    }
    String s = text.substring(start, pos);
    if (integral) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException tooBig) {
        // Beyond a long: still a valid JSON number. A double keeps its magnitude, which is the honest
        // approximation; no report field comes near this.
      }
    }
    return Double.parseDouble(s);
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("a JSON value ('" + word + "'?)");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c, String what) {
    if (peek() != c) {
      throw error(what);
    }
    pos++;
  }

  /** The character at {@code pos}, or NUL at the end: NUL can never be valid where we peek. */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new JsonException("JSON nested deeper than " + MAX_DEPTH + " levels at " + where(pos), pos);
    }
  }

  private JsonException error(String expected) {
    String found = pos >= text.length() ? "the end of the input" : describe(text.charAt(pos));
    return new JsonException("expected " + expected + " but found " + found + " at " + where(pos), pos);
  }

  private static String describe(char c) {
    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
      return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  /** "line 3, column 7 (offset 42)": line and column are 1-based, as editors show them. */
  private String where(int at) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (at - lineStart + 1) + " (offset " + at + ")";
  }
}
