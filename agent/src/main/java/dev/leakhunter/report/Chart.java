package dev.leakhunter.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * One inline SVG chart of a series against jobs completed: its samples as points joined by a line,
 * and, for a leak, the fitted per-job line the verdict rests on, so the eye can check the model.
 * Scaled to the data (and the fitted line) on both axes; the axis ends are labelled in the report's
 * units. No script: the page forbids scripts (see {@link HtmlReport}).
 */
final class Chart {
  static final int WIDTH = 480;
  static final int HEIGHT = 170;
  private static final int LEFT = 64;
  private static final int RIGHT = 12;
  private static final int TOP = 10;
  private static final int BOTTOM = 26;

  /** How a value is written on the y axis. */
  enum Unit {
    COUNT, BYTES;

    String format(double v) {
      return this == BYTES ? Units.bytes(Math.round(v)) : Units.count(Math.round(v));
    }
  }

  private Chart() {
  }

  /**
   * @param kind     what the series is, for the class and the title: "instances", "bytes", "live-heap"
   * @param title    the accessible title (escaped here)
   * @param jobs     x values, ascending
   * @param values   y values, one per job value
   * @param perJob   the fitted slope to draw through the series, or NaN for none
   */
  static String svg(String kind, String title, long[] jobs, long[] values, double perJob, Unit unit) {
    StringBuilder svg = new StringBuilder(1024);
    svg.append("<svg class=\"chart ").append(kind).append("\" data-kind=\"").append(kind)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\"><title>").append(HtmlReport.esc(title)).append("</title>");
    int n = jobs.length;
    if (n == 0) {
      return svg.append("</svg>").toString();
    }
    double intercept = Double.isNaN(perJob) ? Double.NaN : intercept(jobs, values, perJob);
    long minX = jobs[0];
    long maxX = jobs[n - 1];
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (long v : values) {
      minY = Math.min(minY, v);
      maxY = Math.max(maxY, v);
    }
    if (!Double.isNaN(intercept)) {
      for (long x : new long[] {minX, maxX}) {
        minY = Math.min(minY, intercept + perJob * x);
        maxY = Math.max(maxY, intercept + perJob * x);
      }
    }
    axes(svg, minX, maxX, minY, maxY, unit);
    if (!Double.isNaN(intercept) && maxX > minX) {
      svg.append("<line class=\"fit\" x1=\"").append(fmt(x(minX, minX, maxX))).append("\" y1=\"")
          .append(fmt(y(intercept + perJob * minX, minY, maxY))).append("\" x2=\"").append(fmt(x(maxX, minX, maxX)))
          .append("\" y2=\"").append(fmt(y(intercept + perJob * maxX, minY, maxY))).append("\"/>");
    }
    svg.append("<polyline class=\"series\" points=\"");
    for (int i = 0; i < n; i++) {
      svg.append(i == 0 ? "" : " ").append(fmt(x(jobs[i], minX, maxX))).append(',')
          .append(fmt(y(values[i], minY, maxY)));
    }
    svg.append("\"/>");
    for (int i = 0; i < n; i++) {
      svg.append("<circle cx=\"").append(fmt(x(jobs[i], minX, maxX))).append("\" cy=\"")
          .append(fmt(y(values[i], minY, maxY))).append("\" r=\"2.2\"/>");
    }
    return svg.append("</svg>").toString();
  }

  /** The median of {@code y - perJob * x}: the intercept the Theil–Sen slope goes with. */
  static double intercept(long[] jobs, long[] values, double perJob) {
    double[] d = new double[jobs.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i] - perJob * jobs[i];
    }
    Arrays.sort(d);
    int m = d.length / 2;
    return d.length % 2 == 1 ? d[m] : (d[m - 1] + d[m]) / 2;
  }

  private static void axes(StringBuilder svg, long minX, long maxX, double minY, double maxY, Unit unit) {
    double bottom = HEIGHT - BOTTOM;
    svg.append("<path class=\"axis\" d=\"M").append(LEFT).append(' ').append(TOP).append(" V").append(fmt(bottom))
        .append(" H").append(WIDTH - RIGHT).append("\"/>");
    label(svg, "y-max", LEFT - 6, TOP + 9, "end", unit.format(maxY));
    label(svg, "y-min", LEFT - 6, bottom, "end", unit.format(minY));
    label(svg, "x-min", LEFT, HEIGHT - 8, "start", "job " + Units.count(minX));
    label(svg, "x-max", WIDTH - RIGHT, HEIGHT - 8, "end", "job " + Units.count(maxX));
  }

  private static void label(StringBuilder svg, String cls, double x, double y, String anchor, String text) {
    svg.append("<text class=\"").append(cls).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
        .append("\" text-anchor=\"").append(anchor).append("\">").append(HtmlReport.esc(text)).append("</text>");
  }

  private static double x(long job, long minX, long maxX) {
    double span = WIDTH - LEFT - RIGHT - 8;
    return LEFT + 4 + (maxX == minX ? 0.5 : (double) (job - minX) / (maxX - minX)) * span;
  }

  /** SVG's y grows downwards: more must be higher up. */
  private static double y(double v, double minY, double maxY) {
    double span = HEIGHT - TOP - BOTTOM - 8;
    return HEIGHT - BOTTOM - 4 - (maxY == minY ? 0.5 : (v - minY) / (maxY - minY)) * span;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
