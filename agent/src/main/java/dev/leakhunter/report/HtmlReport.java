package dev.leakhunter.report;

import dev.leakhunter.growth.Plateau;
import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code leakhunter-report.html}: the text report's content as one self-contained page (inline CSS, inline
 * SVG, no script, nothing fetched), so it opens from a CI artifact or a mail attachment, offline.
 *
 * <p>Every string from the report is escaped: type names and frames hold {@code <}, {@code >}, {@code $} and
 * {@code &} (generics, lambdas, {@code <init>}), and a report file may have been edited by anyone. The page
 * also declares a Content-Security-Policy that forbids scripts, so a mistake in escaping cannot run code.
 */
public final class HtmlReport {
  static final int SPARK_WIDTH = 160;
  static final int SPARK_HEIGHT = 32;

  private static final String CSS = String.join("\n",
      "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:70em;"
          + "padding:0 1em;color:#1b1f23;background:#fff}",
      "code,td.n,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}",
      "h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.6em 0 .4em}",
      ".meta{color:#57606a}.runs-out{font-weight:600;color:#cf222e}",
      ".verdict{display:inline-block;padding:.15em .6em;border-radius:4px;font-weight:700;color:#fff}",
      ".leak{background:#cf222e}.no-leak{background:#1a7f37}.inconclusive{background:#9a6700}",
      ".cluster{border:1px solid #d0d7de;border-radius:6px;padding:.6em 1em;margin:.8em 0}",
      ".cluster h3{margin:.1em 0 .4em;font-size:1.05em}",
      ".explain{margin:.3em 0 .3em 1em}.unknown{color:#57606a;font-style:italic}",
      "table{border-collapse:collapse;margin:.4em 0}th,td{padding:.25em .7em;border-bottom:1px solid #eaeef2;"
          + "text-align:left;vertical-align:middle}th{background:#f6f8fa}td.n,th.n{text-align:right}",
      "svg.spark polyline{fill:none;stroke:#cf222e;stroke-width:1.5}svg.spark circle{fill:#cf222e}",
      "svg.chart{display:block;width:100%;max-width:480px;height:auto;margin:.4em 0}",
      "svg.chart .axis{fill:none;stroke:#8c959f}svg.chart text{font-size:11px;fill:#57606a}",
      "svg.chart .series{fill:none;stroke:#cf222e;stroke-width:1.5}svg.chart circle{fill:#cf222e}",
      "svg.chart .fit{stroke:#0969da;stroke-width:1.2;stroke-dasharray:5 3}",
      "svg.live-heap .series{stroke:#57606a}svg.live-heap circle{fill:#57606a}",
      ".legend{color:#57606a;font-size:12px}.legend .fit{color:#0969da}",
      "ol.chain{list-style:none;padding:0;margin:.2em 0 .5em;display:flex;flex-wrap:wrap;align-items:center}",
      "ol.chain li{border:1px solid #d0d7de;border-radius:4px;padding:.1em .4em;margin:.15em 0;background:#f6f8fa}",
      "ol.chain li.root-node{border-color:#cf222e}ol.chain li+li:before{content:'\\2192';margin:0 .35em 0 -.1em}",
      ".scroll{overflow-x:auto}.explain code,h3 code{overflow-wrap:anywhere}td code{white-space:nowrap}"
          + "pre{overflow-x:auto}",
      "@media (max-width:600px){body{margin:1em auto;font-size:13px}th,td{padding:.2em .4em}}",
      "@media print{body{max-width:none;margin:0}.cluster{break-inside:avoid}"
          + ".verdict{color:#000;border:1px solid #000;background:none}}");

  private HtmlReport() {
  }

  public static String render(Report r) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(r.tool().name())).append(" report: ").append(esc(Summary.verdict(r)))
        .append(" (pid ").append(r.jvm().pid()).append(")</title>\n")
        .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
    header(h, r);
    List<List<Report.SuspectReport>> clusters = Summary.clusters(r.suspects());
    for (List<Report.SuspectReport> cluster : clusters) {
      cluster(h, r, cluster);
    }
    if (!r.suspects().isEmpty()) {
      suspectTable(h, r.suspects());
    }
    if (!r.plateaued().isEmpty()) {
      plateauTable(h, r.plateaued());
    }
    sampleTable(h, r.samples());
    options(h, r);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, Report r) {
    Report.Jvm jvm = r.jvm();
    Report.Jobs jobs = r.jobs();
    h.append("<h1>").append(esc(r.tool().name())).append(' ').append(esc(r.tool().version())).append("</h1>\n")
        .append("<p class=\"meta\">pid ").append(jvm.pid()).append(" &middot; JDK ").append(esc(jvm.version()))
        .append(" &middot; gc ").append(esc(jvm.gc())).append(" &middot; max heap ")
        .append(jvm.maxHeapBytes() < 0 ? "unlimited" : esc(Units.bytes(jvm.maxHeapBytes()))).append("<br>\n")
        .append("jobs: ").append(Units.count(jobs.completed())).append(" completed (warm-up ")
        .append(Units.count(jobs.warmup())).append("), ").append(Units.count(jobs.inFlight()))
        .append(" in flight &middot; samples: ").append(r.samples().size())
        .append(r.cost() == null ? "" : "<br>\ncost: " + esc(Summary.cost(r.cost()))).append("</p>\n")
        .append("<p><span class=\"verdict ").append(r.verdict().json()).append("\">").append(esc(Summary.verdict(r)))
        .append("</span> ").append(esc(Summary.meaning(r))).append("</p>\n");
    if (r.note() != null) {
      h.append("<p class=\"note\">").append(esc(r.note())).append("</p>\n");
    }
    for (String line : Summary.runsOut(r)) {
      h.append("<p class=\"runs-out\">runs out: ").append(esc(line)).append("</p>\n");
    }
    List<Report.Sample> samples = r.samples();
    if (samples.size() >= 2) {
      long[] at = new long[samples.size()];
      long[] live = new long[samples.size()];
      for (int i = 0; i < at.length; i++) {
        at[i] = samples.get(i).jobs();
        live[i] = samples.get(i).liveBytes();
      }
      h.append("<h2>Live heap</h2>\n")
          .append(Chart.svg("live-heap", "live heap after each census vs jobs completed", at, live, Double.NaN,
              Chart.Unit.BYTES)).append('\n');
    }
  }

  /**
   * The lead's series against jobs with the per-job line the verdict rests on: instances when
   * their count grows, else bytes (an array that grows in place).
   */
  static String leadChart(Suspect s) {
    List<SeriesPoint> series = s.series();
    boolean bytes = s.instancesPerJob() <= 0;
    long[] jobs = new long[series.size()];
    long[] values = new long[series.size()];
    for (int i = 0; i < jobs.length; i++) {
      jobs[i] = series.get(i).jobs();
      values[i] = bytes ? series.get(i).bytes() : series.get(i).instances();
    }
    String what = bytes ? "live bytes" : "live instances";
    double perJob = bytes ? s.bytesPerJob() : s.instancesPerJob();
    return Chart.svg(bytes ? "bytes" : "instances", s.type() + ": " + what + " vs jobs completed, fitted "
        + (bytes ? Units.signedBytes(perJob) : Units.perJob(perJob)) + " per job", jobs, values, perJob,
        bytes ? Chart.Unit.BYTES : Chart.Unit.COUNT)
        + "<div class=\"legend\">" + what + " after each census; <span class=\"fit\">- - fitted "
        + esc(bytes ? Units.signedBytes(perJob) + "/job" : Units.perJob(perJob) + " instances/job") + "</span></div>";
  }

  private static void cluster(StringBuilder h, Report r, List<Report.SuspectReport> cluster) {
    Report.SuspectReport lead = cluster.get(0);
    Suspect s = lead.suspect();
    h.append("<section class=\"cluster\">\n<h3>").append(Summary.clusterWord(r.verdict())).append(' ')
        .append(s.cluster()).append(": <code>").append(esc(s.type())).append("</code></h3>\n")
        .append("<div><strong>").append(esc(Summary.headline(cluster))).append("</strong></div>\n");
    String itself = Summary.itself(cluster);
    if (itself != null) {
      h.append("<div class=\"explain\">").append(esc(itself)).append("</div>\n");
    }
    h.append(leadChart(s)).append('\n');
    if (cluster.size() > 1) {
      h.append("<div class=\"explain\">growing with it:<ul>\n");
      for (Report.SuspectReport other : cluster.subList(1, cluster.size())) {
        h.append("<li><code>").append(esc(other.suspect().type())).append("</code> ")
            .append(esc(TextReport.rates(other.suspect()))).append("</li>\n");
      }
      h.append("</ul></div>\n");
    }
    h.append("<div class=\"explain\">");
    if (lead.roots().isEmpty()) {
      h.append("<span class=\"unknown\">(roots not yet known)</span><br>\n");
    }
    for (Report.Root root : lead.roots()) {
      h.append("held by <code>").append(esc(root.root())).append("</code>");
      if (!root.path().isEmpty()) {
        h.append(" via <code>").append(esc(TextReport.path(root.path()))).append("</code>");
      }
      h.append(" (").append(esc(Summary.rootFigures(root, cluster))).append(")\n");
      h.append("<ol class=\"chain\"><li class=\"root-node\"><code>").append(esc(root.root())).append("</code></li>");
      for (String hop : root.path()) {
        h.append("<li><code>").append(esc(Units.plain(hop))).append("</code></li>");
      }
      h.append("</ol>\n");
    }
    if (lead.allocationSites().isEmpty()) {
      h.append("<span class=\"unknown\">(allocation sites not yet known)</span>\n");
    }
    for (Report.AllocationSite site : lead.allocationSites()) {
      h.append("allocated at (").append(esc(Summary.plural(site.survivors(), "survivor"))).append(")<pre class=\"mono\">");
      for (String frame : site.frames()) {
        h.append(esc(frame)).append('\n');
      }
      h.append("</pre>\n");
    }
    h.append("</div>\n</section>\n");
  }

  private static void suspectTable(StringBuilder h, List<Report.SuspectReport> suspects) {
    h.append("<h2>All suspects</h2>\n<div class=\"scroll\"><table>\n<tr><th class=\"n\">leak</th><th>type</th><th class=\"n\">inst/job</th>")
        .append("<th class=\"n\">bytes/job</th><th class=\"n\">live now</th><th class=\"n\">live bytes</th>")
        .append("<th class=\"n\">confidence</th><th>instances vs jobs</th></tr>\n");
    for (Report.SuspectReport sr : suspects) {
      Suspect s = sr.suspect();
      SeriesPoint last = Summary.last(sr);
      h.append("<tr><td class=\"n\">").append(s.cluster()).append("</td><td><code>").append(esc(s.type()))
          .append("</code></td><td class=\"n\">").append(esc(Units.perJob(s.instancesPerJob())))
          .append("</td><td class=\"n\">").append(esc(Units.signedBytes(s.bytesPerJob())))
          .append("</td><td class=\"n\">").append(last == null ? "-" : Units.count(last.instances()))
          .append("</td><td class=\"n\">").append(last == null ? "-" : esc(Units.bytes(last.bytes())))
          .append("</td><td class=\"n\">").append(esc(Units.confidence(s.confidence())))
          .append("</td><td>").append(sparkline(s)).append("</td></tr>\n");
    }
    h.append("</table></div>\n");
  }

  /** The types that grew and stopped: why a filling cache or pool is not called a leak. */
  private static void plateauTable(StringBuilder h, List<Plateau> plateaued) {
    h.append("<h2 id=\"plateaued\">Grew, then flat: not leaks</h2>\n<p class=\"meta\">Each grew after the first")
        .append(" census, then stayed at its level to the last one: a cache that filled up, a pool that reached its")
        .append(" size. A leak keeps growing.</p>\n<div class=\"scroll\"><table>\n<tr><th>type</th>")
        .append("<th class=\"n\">grew by</th><th class=\"n\">bytes</th><th>from job</th><th>flat since job</th></tr>\n");
    for (Plateau p : plateaued) {
      h.append("<tr><td><code>").append(esc(p.type())).append("</code></td><td class=\"n\">")
          .append(Units.count(p.instancesGrown())).append("</td><td class=\"n\">")
          .append(esc(Units.signedBytes(p.bytesGrown()))).append("</td><td class=\"n\">")
          .append(Units.count(p.fromJobs())).append("</td><td class=\"n\">").append(Units.count(p.flatSinceJobs()))
          .append("</td></tr>\n");
    }
    h.append("</table></div>\n");
  }

  private static void sampleTable(StringBuilder h, List<Report.Sample> samples) {
    h.append("<h2>Samples</h2>\n");
    if (samples.isEmpty()) {
      h.append("<p class=\"unknown\">none yet</p>\n");
      return;
    }
    h.append("<p class=\"meta\">").append(esc(Summary.span(samples))).append("</p>\n")
        .append("<div class=\"scroll\"><table>\n<tr><th class=\"n\">jobs</th><th class=\"n\">uptime</th><th class=\"n\">live heap</th>")
        .append("<th class=\"n\">live objects</th><th class=\"n\">census</th><th class=\"n\">in flight</th>")
        .append("<th class=\"n\">classes</th><th class=\"n\">threads</th></tr>\n");
    for (Report.Sample s : samples) {
      h.append("<tr><td class=\"n\">").append(Units.count(s.jobs()))
          .append("</td><td class=\"n\">").append(esc(uptime(s.uptimeMs())))
          .append("</td><td class=\"n\">").append(esc(Units.bytes(s.liveBytes())))
          .append("</td><td class=\"n\">").append(Units.count(s.liveObjects()))
          .append("</td><td class=\"n\">").append(Units.count(s.censusMs())).append(" ms")
          .append("</td><td class=\"n\">").append(orDash(s.inFlight()))
          .append("</td><td class=\"n\">").append(orDash(s.loadedClasses()))
          .append("</td><td class=\"n\">").append(orDash(s.threads()))
          .append("</td></tr>\n");
    }
    h.append("</table></div>\n");
  }

  private static void options(StringBuilder h, Report r) {
    if (r.options().isEmpty()) {
      return;
    }
    h.append("<h2>Options</h2>\n<table>\n");
    for (Map.Entry<String, String> e : r.options().entrySet()) {
      h.append("<tr><th><code>").append(esc(e.getKey())).append("</code></th><td><code>")
          .append(esc(e.getValue())).append("</code></td></tr>\n");
    }
    h.append("</table>\n");
  }

  /**
   * Live instances against jobs completed, as an inline SVG polyline. Both axes are scaled to the series'
   * own range: the shape (steady climb, plateau, noise) is what the eye needs; the numbers are beside it.
   */
  static String sparkline(Suspect s) {
    List<SeriesPoint> series = s.series();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(SPARK_WIDTH)
        .append("\" height=\"").append(SPARK_HEIGHT).append("\" viewBox=\"0 0 ").append(SPARK_WIDTH).append(' ')
        .append(SPARK_HEIGHT).append("\" role=\"img\"><title>").append(esc(s.type())).append(": live instances vs jobs");
    if (!series.isEmpty()) {
      SeriesPoint first = series.get(0);
      SeriesPoint last = series.get(series.size() - 1);
      svg.append(", ").append(Units.count(first.instances())).append(" at job ").append(Units.count(first.jobs()))
          .append(" to ").append(Units.count(last.instances())).append(" at job ").append(Units.count(last.jobs()));
    }
    svg.append("</title>");
    if (series.size() == 1) {
      svg.append("<circle cx=\"").append(SPARK_WIDTH / 2).append("\" cy=\"").append(SPARK_HEIGHT / 2)
          .append("\" r=\"2\"/>");
    } else if (series.size() > 1) {
      long minX = Long.MAX_VALUE, maxX = Long.MIN_VALUE, minY = Long.MAX_VALUE, maxY = Long.MIN_VALUE;
      for (SeriesPoint p : series) {
        minX = Math.min(minX, p.jobs());
        maxX = Math.max(maxX, p.jobs());
        minY = Math.min(minY, p.instances());
        maxY = Math.max(maxY, p.instances());
      }
      double pad = 2;
      svg.append("<polyline points=\"");
      String sep = "";
      for (SeriesPoint p : series) {
        double x = pad + scale(p.jobs(), minX, maxX) * (SPARK_WIDTH - 2 * pad);
        // SVG's y grows downwards; more instances must be higher up.
        double y = SPARK_HEIGHT - pad - scale(p.instances(), minY, maxY) * (SPARK_HEIGHT - 2 * pad);
        svg.append(sep).append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        sep = " ";
      }
      svg.append("\"/>");
    }
    return svg.append("</svg>").toString();
  }

  /** 0..1 within [min, max]; a flat series sits in the middle rather than dividing by zero. */
  private static double scale(long v, long min, long max) {
    return max == min ? 0.5 : (double) (v - min) / (double) (max - min);
  }

  private static String uptime(long ms) {
    long s = ms / 1000;
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  private static String orDash(long v) {
    return v < 0 ? "-" : Units.count(v);
  }

  /** Escapes for both element text and double- or single-quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '&': sb.append("&amp;"); break;
        case '"': sb.append("&quot;"); break;
        case '\'': sb.append("&#39;"); break;
        default:
          // Control characters other than tab and newlines are not allowed in HTML text.
          sb.append(Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }
}
