package dev.leakhunter.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** The report files leakhunter writes, as named by the {@code report} option and {@code --format}. */
public enum ReportFormat {
  JSON("json", "leakhunter-report.json"),
  TXT("txt", "leakhunter-report.txt"),
  HTML("html", "leakhunter-report.html");

  private final String id;
  private final String fileName;

  ReportFormat(String id, String fileName) {
    this.id = id;
    this.fileName = fileName;
  }

  /** The name users write: {@code json}, {@code txt}, {@code html}. */
  public String id() {
    return id;
  }

  /** The file this format is written to, in the report directory. */
  public String fileName() {
    return fileName;
  }

  /** The report in this format. */
  public String render(Report report) {
    switch (this) {
      case JSON:
        return ReportJson.write(report);
      case TXT:
        return TextReport.render(report);
      case HTML:
      default:
        return HtmlReport.render(report);
    }
  }

  /**
   * One format by name, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the valid formats
   */
  public static ReportFormat parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (ReportFormat f : values()) {
      if (f.id.equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown report format '" + name + "'; valid formats: " + validNames());
  }

  /**
   * The {@code report} option's value: formats joined by {@code :}, e.g. {@code json:txt}. Repeats are
   * harmless; an empty name is an error (an empty list would silently write no report at all).
   */
  public static Set<ReportFormat> parseList(String names) {
    Set<ReportFormat> set = EnumSet.noneOf(ReportFormat.class);
    for (String n : (names == null ? "" : names).split(":", -1)) {
      if (n.isBlank()) {
        throw new IllegalArgumentException("empty report format in '" + names + "'; expected formats joined by ':'"
            + ", e.g. json:txt:html (valid formats: " + validNames() + ")");
      }
      set.add(parse(n));
    }
    return set;
  }

  private static String validNames() {
    StringJoiner j = new StringJoiner(", ");
    for (ReportFormat f : values()) {
      j.add(f.id);
    }
    return j.toString();
  }
}
