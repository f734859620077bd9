package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code leakhunter-report.html} as a user sees it: opened in a real browser (headless Chromium),
 * which must log no console error (a refused resource, a blocked script), and whose DOM must show
 * the verdict, the planted type, a chart per leak whose series rises with jobs, and the chain from
 * root to type. Screenshots at phone and desktop width are kept under
 * {@code agent/target/it-work/browser-*} as artifacts.
 *
 * <p>Chromium is Debian's {@code chromium} package: the test installs it when it is missing and the
 * build runs as root with apt (a fresh CI machine); CI fails here if it is still missing, elsewhere
 * the test is skipped with a message saying how to install it.
 */
class BrowserReportIT {
  private static final Pattern POINTS = Pattern.compile("<polyline class=\"series\" points=\"([^\"]+)\"");
  private static Path chromium;

  @BeforeAll
  static void findChromium() throws Exception {
    chromium = DebianTool.ensure(List.of("chromium", "chromium-browser", "google-chrome"), "chromium",
        "the browser test");
  }

  @Test
  void aLeakReportRendersItsVerdictChartsAndRootChain() throws Exception {
    ForkedJvm demo = ForkedJvm.demo("browser-leak", DemoLeaksIT.JOBS + ",every=20", "--leak=processed-log",
        "--jobs=1500", "--rate=300", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());
    Path html = demo.reportDir().resolve("leakhunter-report.html");
    String dom = open(html, demo.reportDir().getParent());
    assertLeakPage(dom, demo.outputs());

    // The same page from the JSON report, by the CLI's render.
    Path rendered = demo.reportDir().resolve("rendered.html");
    ForkedJvm.CliRun render = ForkedJvm.cli(ForkedJvm.JAVA, demo.reportDir(), "render",
        demo.reportDir().resolve("leakhunter-report.json").toString(), "--out", rendered.toString());
    assertEquals(0, render.exit(), render.toString());
    assertLeakPage(open(rendered, demo.reportDir().resolve("rendered")), render.toString());
  }

  @Test
  void aNoLeakReportRendersItsVerdictAndNoLeakChart() throws Exception {
    // 1,500 jobs (5 s), not 800: one local run of 800 read java.lang.String +0.09/job (~100 Strings
    // in steps over its 2.7 s; not the agent's own that OwnObjects reaches; cause not found), and
    // this test is about the page, not about the shortest run a verdict holds for (ShortRunIT is).
    ForkedJvm demo = ForkedJvm.demo("browser-none", DemoLeaksIT.JOBS + ",every=20", "--leak=none",
        "--jobs=1500", "--rate=300", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());
    String dom = open(demo.reportDir().resolve("leakhunter-report.html"), demo.reportDir().getParent());
    assertTrue(dom.contains("<span class=\"verdict no-leak\">NO-LEAK</span>"), dom);
    assertFalse(dom.contains("<svg class=\"chart instances\"") || dom.contains("<svg class=\"chart bytes\""), dom);
    assertTrue(dom.contains("<svg class=\"chart live-heap\""), dom);
    assertFalse(dom.contains("<section class=\"cluster\">"), dom);
    // The demo's thumbnail cache fills to its 64 entries in the first ~200 jobs: shown as why it
    // is no leak (issue 18).
    assertTrue(dom.contains("<h2 id=\"plateaued\">Grew, then flat: not leaks</h2>"), dom);
    assertTrue(dom.contains("<code>dev.leakhunter.demo.avatar.Thumbnail</code>"), dom);
  }

  /** The console check can fail: a page with an inline script, which the report's policy forbids. */
  @Test
  void aPageThatBreaksTheContentPolicyIsCaught() throws Exception {
    Path dir = Files.createDirectories(ForkedJvm.WORK.resolve("browser-policy"));
    Path page = dir.resolve("bad.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\""
        + " content=\"default-src 'none'; style-src 'unsafe-inline'\"></head><body><p>x</p>"
        + "<script>document.title='ran'</script></body></html>");
    Browser b = browse(page, dir, "--dump-dom");
    assertFalse(consoleErrors(b.log).isEmpty(), "the blocked script is reported\n" + b.log);
  }

  private static void assertLeakPage(String dom, String context) {
    String all = context + "\n" + dom;
    assertTrue(dom.contains("<span class=\"verdict leak\">LEAK</span>"), all);
    assertTrue(dom.contains("<h3>Leak 1: <code>dev.leakhunter.demo.orders.Order</code></h3>"), all);
    int leaks = count(dom, "<section class=\"cluster\">");
    assertTrue(leaks >= 1, all);
    assertEquals(leaks, count(dom, "<svg class=\"chart instances\"") + count(dom, "<svg class=\"chart bytes\""),
        "one chart per leak\n" + all);
    assertEquals(leaks, count(dom, "<line class=\"fit\""), "each with its fitted line\n" + all);
    // The first leak's series rises with jobs: SVG's y grows downwards, so its last point is higher up.
    Matcher m = POINTS.matcher(dom.substring(dom.indexOf("<section class=\"cluster\">")));
    assertTrue(m.find(), all);
    String[] points = m.group(1).split(" ");
    assertTrue(points.length >= 5, all);
    double firstY = Double.parseDouble(points[0].split(",")[1]);
    double lastY = Double.parseDouble(points[points.length - 1].split(",")[1]);
    assertTrue(lastY < firstY - 50, "the series rises: y " + firstY + " to " + lastY + "\n" + all);
    // The root chain: the root, then each hop, ending at the planted type.
    Matcher chain = Pattern.compile("<ol class=\"chain\"><li class=\"root-node\"><code>"
        + "dev\\.leakhunter\\.demo\\.Worker\\.processed[^<]*</code></li>(<li><code>[^<]+</code></li>)+</ol>").matcher(dom);
    assertTrue(chain.find(), all);
    assertTrue(chain.group().endsWith("<li><code>dev.leakhunter.demo.orders.Order</code></li></ol>"), chain.group());
    assertTrue(dom.contains("<svg class=\"chart live-heap\""), all);
  }

  /** The page's DOM after Chromium loaded it; asserts no console error, and keeps two screenshots. */
  private static String open(Path page, Path shots) throws Exception {
    Files.createDirectories(shots);
    Browser b = browse(page, shots, "--dump-dom");
    assertEquals(List.of(), consoleErrors(b.log), "console errors opening " + page + "\n" + b.log);
    for (String width : List.of("390,2400", "1280,1800")) {
      Path png = shots.resolve(page.getFileName() + "-" + width.substring(0, width.indexOf(',')) + ".png");
      browse(page, shots, "--hide-scrollbars", "--window-size=" + width, "--screenshot=" + png);
      assertTrue(Files.size(png) > 10_000, "a screenshot of " + page + " at " + width);
    }
    return b.out;
  }

  private record Browser(String out, String log) {
  }

  private static Browser browse(Path page, Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--user-data-dir=" + dir.resolve("chromium-profile"), "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(args));
    cmd.add(page.toUri().toString());
    Path out = dir.resolve("chromium-out.txt");
    Path err = dir.resolve("chromium-err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 60 s: " + String.join(" ", cmd));
    }
    return new Browser(Files.readString(out), Files.readString(err));
  }

  /** Console messages at warning level or above, and policy refusals, from Chromium's log. */
  private static List<String> consoleErrors(String log) {
    List<String> errors = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (line.contains("CONSOLE") || line.contains("Refused to") || line.contains("Uncaught")) {
        errors.add(line);
      }
    }
    return errors;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
