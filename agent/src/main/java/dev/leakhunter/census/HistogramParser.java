package dev.leakhunter.census;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
   * {@code rank: instances bytes name [(module)]}. A class name never holds whitespace, so the name
   * is one token; the module part is optional (classes of the unnamed module have none).
   */
  private static final Pattern ROW =
      Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\([^()\\s]*\\))?\\s*");
  private static final Pattern TOTAL = Pattern.compile("\\s*Total\\s+(\\d+)\\s+(\\d+)\\s*");

  /** Largest first; ties by name so that equal inputs always give equal histograms. */
  private static final Comparator<HistogramRow> BY_BYTES_DESC =
      Comparator.comparingLong(HistogramRow::bytes).reversed()
          .thenComparing(HistogramRow::type);

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
    for (String line : text.split("\\R")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        long instances = parseCount(row.group(1));
        long bytes = parseCount(row.group(2));
        if (instances >= 0 && bytes >= 0) {
          byType.computeIfAbsent(TypeNames.toJavaName(row.group(3)), type -> new Accumulator())
              .add(instances, bytes);
        }
        continue;
      }
      Matcher totalLine = TOTAL.matcher(line);
      if (totalLine.matches()) {
        long instances = parseCount(totalLine.group(1));
        long bytes = parseCount(totalLine.group(2));
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
    rows.sort(BY_BYTES_DESC);
    return total != null
        ? new Histogram(rows, total[0], total[1])
        : new Histogram(rows, sumInstances, sumBytes);
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
    return "text starting \"" + trimmed.substring(0, cut).replaceAll("\\R", "\\\\n")
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
