package dev.leakhunter.report;

import java.util.Locale;

/**
 * Number formats shared by the text report, the HTML report and the log line, so the three say the same
 * thing in the same words. Always {@link Locale#ROOT}: a report read in CI or pasted into a bug must not
 * say "1,00" on one machine and "1.00" on another.
 */
public final class Units {
  private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

  private Units() {
  }

  /**
   * Human bytes, binary units as the JVM reports heap sizes: whole bytes below 1 KB, one decimal above
   * ({@code 88 B}, {@code 1.2 KB}, {@code 14.2 MB}).
   */
  public static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "? B";
    }
    double abs = Math.abs(b);
    if (Math.round(abs) < 1024) {
      return Math.round(b) + " B";
    }
    double v = b / 1024;
    int unit = 0;
    // Round before comparing, or 1023.97 KB would print as "1024.0 KB" instead of "1.0 MB".
    while (Math.abs(Math.round(v * 10) / 10.0) >= 1024 && unit < UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
  }

  /** A growth in bytes, always signed: {@code +88 B}, {@code -1.0 KB}. */
  static String signedBytes(double b) {
    String s = bytes(b);
    return s.startsWith("-") || s.startsWith("?") ? s : "+" + s;
  }

  /** A per-job slope of instances, always signed, two decimals: {@code +1.00}, {@code +0.05}. */
  static String perJob(double v) {
    if (Double.isNaN(v)) {
      return "?";
    }
    // "%+.2f" of -0.001 is "-0.00"; a slope that rounds to zero is shown without a sign of direction.
    String s = String.format(Locale.ROOT, "%+.2f", v);
    return s.equals("-0.00") ? "+0.00" : s;
  }

  /** Confidence 0..1, two decimals. */
  static String confidence(double c) {
    return Double.isNaN(c) ? "?" : String.format(Locale.ROOT, "%.2f", c);
  }

  /** A count with thousands separators: {@code 181,204}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Text for a terminal or a log: control characters become '?', so a name read from a (possibly edited)
   * report can neither break the one-line-per-sample log format nor send escape sequences to a terminal.
   */
  static String plain(String s) {
    if (s == null) {
      return "?";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, '?');
      }
    }
    return sb == null ? s : sb.toString();
  }
}
