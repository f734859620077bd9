package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.Plateau;
import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void escapesEveryNameAndNeverEmitsMarkupFromTheReport() {
    String type = "com.acme.Cache<K,V>&Co$$Lambda$7<script>alert(1)</script>";
    Report r = Reports.withSuspect(type, "static com.acme.Reg.\"map\" & 'more'",
        "com.acme.Gen<T>.<init>(Gen.java:7)");
    String html = HtmlReport.render(r);
    assertTrue(html.contains("com.acme.Cache&lt;K,V&gt;&amp;Co$$Lambda$7&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertTrue(html.contains("static com.acme.Reg.&quot;map&quot; &amp; &#39;more&#39;"), html);
    assertTrue(html.contains("com.acme.Gen&lt;T&gt;.&lt;init&gt;(Gen.java:7)"), html);
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
    assertFalse(html.contains("Cache<K"), html);
    assertFalse(html.contains("<init>"), html);
  }

  @Test
  void isSelfContainedAndForbidsScripts() {
    String html = HtmlReport.render(Reports.leak());
    assertTrue(html.startsWith("<!DOCTYPE html>\n"));
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'\">"));
    assertTrue(html.contains("<style>"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(html.contains(" src="));
    // The only URL is the SVG namespace, which is a name, not something fetched.
    Matcher urls = Pattern.compile("https?://[^\"]*").matcher(html);
    while (urls.find()) {
      assertEquals("http://www.w3.org/2000/svg", urls.group());
    }
    assertTrue(html.endsWith("</html>\n"));
  }

  @Test
  void carriesTheTextReportsContent() {
    String html = HtmlReport.render(Reports.leak());
    assertTrue(html.contains("<span class=\"verdict leak\">LEAK</span> 4 types keep growing with completed jobs,"
        + " in 2 separate leaks"), html);
    assertTrue(html.contains("<h3>Leak 1: <code>com.acme.OrderRecord</code></h3>"), html);
    assertTrue(html.contains("<div><strong>+1.00 instances/job  +112 B/job in all, its 2 types  (confidence 0.99)"
        + "</strong></div>\n<div class=\"explain\">the OrderRecord itself: +88 B/job</div>"), html);
    assertTrue(html.contains("held by <code>static com.acme.Worker.processed</code> via <code>java.util.ArrayList"
        + " -&gt; java.lang.Object[] -&gt; com.acme.OrderRecord</code> (+112 B/job)"), html);
    assertTrue(html.contains("allocated at (380 survivors)<pre class=\"mono\">com.acme.OrderRecord.&lt;init&gt;"
        + "(OrderRecord.java:12)\ncom.acme.Worker.handle(Worker.java:42)\n"), html);
    assertTrue(html.contains("<code>com.acme.Worker$$Lambda$41</code>"), html);
    assertTrue(html.contains("<tr><th><code>jobs</code></th><td><code>com.acme.Worker#handle</code></td></tr>"), html);
  }

  @Test
  void typesThatGrewAndStoppedAreShownAsNoLeaksOnlyWhereThereAreAny() {
    Report r = Reports.noLeak();
    assertFalse(HtmlReport.render(r).contains("id=\"plateaued\""));
    Report cache = new Report(r.schema(), r.tool(), r.jvm(), r.options(), r.jobs(), r.samples(), r.verdict(),
        r.note(), r.suspects(), r.cost(), List.of(new Plateau("com.acme.Cache<K>$Entry", 130, 8_320, 20, 160)));
    String html = HtmlReport.render(cache);
    assertTrue(html.contains("<h2 id=\"plateaued\">Grew, then flat: not leaks</h2>"), html);
    assertTrue(html.contains("<tr><td><code>com.acme.Cache&lt;K&gt;$Entry</code></td><td class=\"n\">130</td>"
        + "<td class=\"n\">+8.1 KB</td><td class=\"n\">20</td><td class=\"n\">160</td></tr>"), html);
    assertFalse(TextReport.render(cache).contains("com.acme.Cache"), "not in the one-screen text report");
  }

  @Test
  void hasASparklinePerSuspectAndARowPerSample() {
    String html = HtmlReport.render(Reports.leak());
    // A sparkline for each of the 4 suspects in the table; a chart for each of the 2 leads, and one
    // of the live heap.
    assertEquals(4, count(html, "<svg class=\"spark\""), html);
    assertEquals(2, count(html, "<svg class=\"chart instances\""), html);
    assertEquals(1, count(html, "<svg class=\"chart live-heap\""), html);
    assertEquals(10, count(html, "<tr><td class=\"n\">") - 4, html);
    assertTrue(html.contains("<tr><td class=\"n\">400</td><td class=\"n\">11 s</td><td class=\"n\">14.3 MB</td>"), html);
  }

  @Test
  void aLeadsChartDrawsItsSamplesAndTheFittedLine() {
    Suspect s = new Suspect("x.Y", 1, 8, 0.9, 1,
        List.of(new SeriesPoint(40, 20, 0), new SeriesPoint(80, 60, 0), new SeriesPoint(120, 100, 0)));
    String svg = HtmlReport.leadChart(s);
    // The samples lie on the fitted line: both go from the bottom left to the top right.
    assertTrue(svg.contains("points=\"68.0,140.0 266.0,77.0 464.0,14.0\""), svg);
    assertTrue(svg.contains("<line class=\"fit\" x1=\"68.0\" y1=\"140.0\" x2=\"464.0\" y2=\"14.0\"/>"), svg);
    assertEquals(3, count(svg, "<circle "), svg);
    assertTrue(svg.contains(">job 40</text>") && svg.contains(">job 120</text>") && svg.contains(">100</text>"), svg);
    assertTrue(svg.contains("fitted +1.00 instances/job"), svg);
    // An array growing in place is drawn in bytes, with its bytes per job.
    Suspect array = new Suspect("byte[]", 0, 100, 0.9, 1,
        List.of(new SeriesPoint(40, 3, 4_000), new SeriesPoint(80, 3, 8_000), new SeriesPoint(120, 3, 12_000)));
    String bytes = HtmlReport.leadChart(array);
    assertTrue(bytes.contains("<svg class=\"chart bytes\""), bytes);
    assertTrue(bytes.contains("fitted +100 B/job"), bytes);
    assertEquals(20.0, Chart.intercept(new long[] {40, 80, 120}, new long[] {60, 100, 140}, 1.0), 1e-9);
  }

  @Test
  void theRootsPathIsDrawnAsAChainFromRootToType() {
    String html = HtmlReport.render(Reports.leak());
    assertTrue(html.contains("<ol class=\"chain\"><li class=\"root-node\"><code>static com.acme.Worker.processed"
        + "</code></li><li><code>java.util.ArrayList</code></li><li><code>java.lang.Object[]</code></li>"
        + "<li><code>com.acme.OrderRecord</code></li></ol>"), html);
  }

  @Test
  void sparklineRisesWithInstancesAndFitsItsBox() {
    Suspect s = new Suspect("x.Y", 1, 8, 0.9, 1,
        List.of(new SeriesPoint(40, 20, 0), new SeriesPoint(80, 60, 0), new SeriesPoint(120, 100, 0)));
    String svg = HtmlReport.sparkline(s);
    assertTrue(svg.contains("points=\"2.0,30.0 80.0,16.0 158.0,2.0\""), svg);
    assertTrue(svg.contains("<title>x.Y: live instances vs jobs, 20 at job 40 to 100 at job 120</title>"), svg);
  }

  @Test
  void aFlatOrSinglePointSeriesDoesNotDivideByZero() {
    Suspect flat = new Suspect("x.Y", 0, 0, 0.1, 1, List.of(new SeriesPoint(40, 5, 0), new SeriesPoint(80, 5, 0)));
    assertTrue(HtmlReport.sparkline(flat).contains("points=\"2.0,16.0 158.0,16.0\""), HtmlReport.sparkline(flat));
    Suspect one = new Suspect("x.Y", 0, 0, 0.1, 1, List.of(new SeriesPoint(40, 5, 0)));
    assertTrue(HtmlReport.sparkline(one).contains("<circle cx=\"80\" cy=\"16\" r=\"2\"/>"), HtmlReport.sparkline(one));
    Suspect none = new Suspect("x.Y", 0, 0, 0.1, 1, List.of());
    assertFalse(HtmlReport.sparkline(none).contains("NaN"));
  }

  @Test
  void noLeakAndInconclusiveSayWhatTheTextSays() {
    assertTrue(HtmlReport.render(Reports.noLeak()).contains("<span class=\"verdict no-leak\">NO-LEAK</span> nothing grows"
        + " with jobs over 10 samples / 360 jobs (job 40 to job 400)"));
    String inconclusive = HtmlReport.render(Reports.inconclusive());
    assertTrue(inconclusive.contains("<p class=\"note\">need 3 more samples (about 120 more jobs)</p>"), inconclusive);
    assertFalse(inconclusive.contains("All suspects"), inconclusive);
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
