package dev.leakhunter.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link Json#parse} reads (maps with string keys, lists, strings, numbers, booleans,
 * null), pretty-printed with a 2-space indent.
 *
 * <p>An object whose members are all scalars is written on one line, like a row: a report holds hundreds
 * of samples, and one field per line would make it unreadable in a terminal or a diff. A list of scalars is
 * kept on one line while it fits in {@link #INLINE_WIDTH} characters, so {@code [jobs, instances, bytes]}
 * triples are one line each and a long list of stack frames is one frame per line.
 */
public final class JsonWriter {
  static final int INLINE_WIDTH = 100;

  private JsonWriter() {
  }

  /** The pretty-printed JSON text of {@code value}, without a trailing newline. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int indent) {
    if (value instanceof Map) {
      writeMap(out, (Map<?, ?>) value, indent);
    } else if (value instanceof List) {
      writeList(out, (List<?>) value, indent);
    } else {
      scalar(out, value);
    }
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map, int indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    if (fitsInline(map.values())) {
      out.append(inlineMap(map));
      return;
    }
    out.append('{');
    String sep = "\n";
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.append(sep);
      pad(out, indent + 2);
      string(out, key(e.getKey()));
      out.append(": ");
      write(out, e.getValue(), indent + 2);
      sep = ",\n";
    }
    out.append('\n');
    pad(out, indent);
    out.append('}');
  }

  private static void writeList(StringBuilder out, List<?> list, int indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    if (fitsInline(list)) {
      String inline = inlineList(list);
      if (column(out) + inline.length() <= INLINE_WIDTH) {
        out.append(inline);
        return;
      }
    }
    out.append('[');
    String sep = "\n";
    for (Object v : list) {
      out.append(sep);
      pad(out, indent + 2);
      write(out, v, indent + 2);
      sep = ",\n";
    }
    out.append('\n');
    pad(out, indent);
    out.append(']');
  }

  /** Members that are scalars or empty containers, so the container may go on one line. */
  private static boolean fitsInline(Iterable<?> members) {
    for (Object v : members) {
      if ((v instanceof Map && !((Map<?, ?>) v).isEmpty()) || (v instanceof List && !((List<?>) v).isEmpty())) {
        return false;
      }
    }
    return true;
  }

  private static String inlineMap(Map<?, ?> map) {
    StringBuilder sb = new StringBuilder("{");
    String sep = "";
    for (Map.Entry<?, ?> e : map.entrySet()) {
      sb.append(sep);
      string(sb, key(e.getKey()));
      sb.append(": ");
      write(sb, e.getValue(), 0);
      sep = ", ";
    }
    return sb.append('}').toString();
  }

  private static String inlineList(List<?> list) {
    StringBuilder sb = new StringBuilder("[");
    String sep = "";
    for (Object v : list) {
      sb.append(sep);
      write(sb, v, 0);
      sep = ", ";
    }
    return sb.append(']').toString();
  }

  private static String key(Object k) {
    if (!(k instanceof String)) {
      throw new IllegalArgumentException("JSON object keys must be strings, not " + describeType(k));
    }
    return (String) k;
  }

  private static void scalar(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      string(out, (String) value);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double) {
      out.append(number((Double) value));
    } else if (value instanceof Float) {
      // Float.toString gives the shortest decimal for the float (0.1f is "0.1"); widening to double first
      // would write 0.10000000149011612.
      out.append(number(Double.parseDouble(value.toString())));
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof BigDecimal) {
      out.append(((BigDecimal) value).toString());
    } else {
      throw new IllegalArgumentException("cannot write " + describeType(value) + " as JSON");
    }
  }

  /**
   * JSON has no NaN or infinity: those become {@code null} (a slope the growth model could not compute is
   * "unknown", not a number). Otherwise the shortest decimal that reads back as the same double, written
   * plainly ({@code 0.0001}, not {@code 1.0E-4}) unless that would need more than a handful of zeros.
   */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    String s = Double.toString(d);
    if (s.indexOf('E') < 0) {
      return s;
    }
    double abs = Math.abs(d);
    if (abs >= 1e-7 && abs < 1e21) {
      String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
      // Keep it recognisably a double when read back: "10000000.0", not "10000000".
      return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
    return s; // "1.0E-10" is valid JSON as it stands
  }

  /**
   * Escapes everything a strict reader or a careless consumer could trip on: quotes, backslashes and all
   * control characters; U+2028 and U+2029, which end a line in JavaScript; and lone surrogates, which UTF-8
   * cannot encode (the file would get a '?' instead and the round trip would lose the character).
   */
  static void string(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    for (int i = hex.length(); i < 4; i++) {
      out.append('0');
    }
    out.append(hex);
  }

  /** Where the next character goes on the current line (the key is already written before a value). */
  private static int column(StringBuilder out) {
    return out.length() - (out.lastIndexOf("\n") + 1);
  }

  private static void pad(StringBuilder out, int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }

  private static String describeType(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }
}
