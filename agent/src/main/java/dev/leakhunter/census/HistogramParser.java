package dev.leakhunter.census;

import dev.leakhunter.common.OwnSort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the text of HotSpot's {@code GC.class_histogram} diagnostic command, as {@code jcmd PID
 * GC.class_histogram} prints it and as the {@code DiagnosticCommand} MBean's
 * {@code gcClassHistogram} returns it:
 *
 * <pre>
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:          7619         348824  [B (java.base@17.0.15)
 *    9:          1234          29616  com.acme.Point
 *   23:           321           5136  com.acme.Foo$$Lambda$1/0x00007f8b00000c10
 * Total         29531        1281976
 * </pre>
 *
 * <p>Rows whose names normalize to the same Java name ({@link TypeNames#toJavaName}) are folded
 * into one {@link HistogramRow}: the same class from several class loaders, and on JDK 25 every
 * lambda of one class. The parser is pure and lenient: jcmd's {@code PID:} line, the header, the
 * dashes, blank lines and any line it does not understand are skipped, so that one odd line (a
 * future column, a truncated write) costs that line rather than the census.
 */
public final class HistogramParser {
  /**
   * Largest first; ties by name so that equal inputs always give equal histograms. Written out, not
   * built with {@code Comparator.comparing}, and sorted by {@link OwnSort}: see there for why.
   */
  private static final Comparator<HistogramRow> BY_BYTES_DESC = (a, b) -> {
    int bytes = Long.compare(b.bytes(), a.bytes());
    return bytes != 0 ? bytes : a.type().compareTo(b.type());
  };

  private HistogramParser() {
  }

  /**
   * Parses a class histogram.
   *
   * <p>{@link Histogram#totalInstances()} and {@link Histogram#totalBytes()} come from the text's
   * own {@code Total} line; if that line is missing (a truncated capture) they are the sums of the
   * rows that were read.
   *
   * @param text the command's whole output
   * @return one row per normalized type name, sorted by bytes, largest first
   * @throws IllegalArgumentException if the text holds neither a histogram row nor a
   *                                  {@code Total} line
   */
  public static Histogram parse(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, Accumulator> byType = new LinkedHashMap<>();
    long[] total = null;
    int at = 0;
    while (at < text.length()) {
      int end = lineEnd(text, at);
      Line line = new Line(text, at, end);
      at = nextLine(text, end);
      if (line.row()) {
        long instances = parseCount(line.instances);
        long bytes = parseCount(line.bytes);
        if (instances >= 0 && bytes >= 0) {
          String type = TypeNames.toJavaName(line.name);
          Accumulator a = byType.get(type);
          if (a == null) {
            a = new Accumulator();
            byType.put(type, a);
          }
          a.add(instances, bytes);
        }
        continue;
      }
      if (line.total()) {
        long instances = parseCount(line.instances);
        long bytes = parseCount(line.bytes);
        if (instances >= 0 && bytes >= 0) {
          total = new long[] {instances, bytes};
        }
      }
    }
    if (byType.isEmpty() && total == null) {
      throw new IllegalArgumentException(
          "not a GC.class_histogram: no '  N:  instances  bytes  class' row and no 'Total' line in "
              + describe(text));
    }
    List<HistogramRow> rows = new ArrayList<>(byType.size());
    long sumInstances = 0;
    long sumBytes = 0;
    for (Map.Entry<String, Accumulator> e : byType.entrySet()) {
      Accumulator a = e.getValue();
      rows.add(new HistogramRow(e.getKey(), a.instances, a.bytes, a.classes));
      sumInstances += a.instances;
      sumBytes += a.bytes;
    }
    OwnSort.sort(rows, BY_BYTES_DESC);
    return total != null
        ? new Histogram(rows, total[0], total[1])
        : new Histogram(rows, sumInstances, sumBytes);
  }

  private static int lineEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int nextLine(String text, int end) {
    boolean crlf = end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n';
    return crlf ? end + 2 : end + 1;
  }

  /**
   * One line, read by hand rather than with regular expressions: the JDK's regex engine is code the
   * host runs too, and thousands of lines per census filled its JIT profiles with the agent's
   * patterns (see OwnSort). A row is {@code rank: instances bytes name [(module)]}; a class name
   * never holds whitespace, so the name is one token, and classes of the unnamed module have no
   * module part. The total is {@code Total instances bytes}.
   */
  private static final class Line {
    private final String s;
    private final int end;
    private int i;
    private String instances;
    private String bytes;
    private String name;

    Line(String s, int from, int end) {
      this.s = s;
      this.i = from;
      this.end = end;
    }

    boolean row() {
      int start = i;
      space();
      boolean read = digits() != null && take(':') && space() && (instances = digits()) != null && space()
          && (bytes = digits()) != null && space() && (name = token()) != null;
      if (read && space() && take('(')) {
        while (i < end && s.charAt(i) != '(' && s.charAt(i) != ')' && !isSpace(s.charAt(i))) {
          i++;
        }
        read = take(')');
        space();
      }
      if (!read || i < end) {
        i = start;
        return false;
      }
      return true;
    }

    boolean total() {
      space();
      if (!s.startsWith("Total", i) || i + "Total".length() > end) {
        return false;
      }
      i += "Total".length();
      boolean read = space() && (instances = digits()) != null && space() && (bytes = digits()) != null;
      space();
      return read && i == end;
    }

    /** Skips whitespace; true if there was any. */
    private boolean space() {
      int from = i;
      while (i < end && isSpace(s.charAt(i))) {
        i++;
      }
      return i > from;
    }

    private String digits() {
      int from = i;
      while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      return i > from ? s.substring(from, i) : null;
    }

    private String token() {
      int from = i;
      while (i < end && !isSpace(s.charAt(i))) {
        i++;
      }
      return i > from ? s.substring(from, i) : null;
    }

    private boolean take(char c) {
      if (i < end && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    /** What {@code \s} matches in a regular expression. */
    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
  }

  /** A count, or -1 if it does not fit a long: the line is then skipped like any odd line. */
  private static long parseCount(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooBig) {
      return -1;
    }
  }

  /** Enough of the text to recognise what was passed instead (often an error message). */
  private static String describe(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return "an empty text";
    }
    int cut = Math.min(trimmed.length(), 120);
    return "text starting \"" + trimmed.substring(0, cut).replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\\n")
        + (cut < trimmed.length() ? "...\"" : "\"");
  }

  private static final class Accumulator {
    long instances;
    long bytes;
    int classes;

    void add(long moreInstances, long moreBytes) {
      instances += moreInstances;
      bytes += moreBytes;
      classes++;
    }
  }
}
