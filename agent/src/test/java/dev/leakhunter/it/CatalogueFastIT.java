package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The leak catalogue run as the daemons the project was never tuned on run: <b>flat out</b> (no
 * rate limit, for 3 s, one worker and four) and <b>short</b> (400 jobs at 600 jobs/s, well under a
 * second), both with {@code every=20}; and at the default options, 3,000 jobs at 1,000 jobs/s.
 * Every leak is named, its planted type in the first cluster (GrowingBuffer's doubling buffer
 * too), every control ends with no suspect, and the hunt never stalls.
 *
 * <p>The cadence: on the short runs, no two consecutive censuses are more than 3 x 20 jobs apart,
 * plus the jobs that completed during the first one's own work (its {@code jobsAfter}), explanation
 * work or not, and the last census is that close to the last job. Flat out, a job takes 1-3 us
 * and the sampler shares 2 cores with the workers, the JIT and the GC: losing its core for one
 * scheduler slice lets a thousand jobs by, which no agent can prevent, so there the test asserts
 * no stall (no fifth of the run without a census, the failure this guards against: censuses up to
 * job 396 of 3,000, then none) and the gaps are measured, not bounded (docs/detection.md).
 * (CatalogueIT runs the same fixtures at the pace the catalogue was built at, with roots and sites.)
 */
class CatalogueFastIT {

  static final int EVERY = 20;
  /** The agent's options besides jobs; {@code -Dleakhunter.fast.options=} (empty) for the defaults. */
  static final String OPTIONS = System.getProperty("leakhunter.fast.options", "every=" + EVERY);
  private static final boolean EVERY_20 = OPTIONS.equals("every=" + EVERY);
  private static final List<String> TABLE = new ArrayList<>();
  // At most: ByteChunks keeps its chunks in a ring of 100,000 slots, a leak only until it wraps.
  private static final int FLAT_OUT_JOBS = 80_000;
  private static final Pattern STOPPED = Pattern.compile("stopped after (\\d+) jobs");

  /** Leaks and their planted types; a control has none (empty). */
  private static final String[][] FIXTURES = {
      {"StaticMapCache", "dev.leakhunter.catalogue.StaticMapCache$Session"},
      {"ListenerBus", "dev.leakhunter.catalogue.ListenerBus$1"},
      {"ThreadLocalList", "dev.leakhunter.catalogue.ThreadLocalList$AuditEntry"},
      {"ClassPerJob", "dev.leakhunter.catalogue.ClassPerJob$PluginLoader"},
      {"ThreadPerJob", "dev.leakhunter.catalogue.ThreadPerJob$Watcher"},
      {"StuckExecutor", "dev.leakhunter.catalogue.StuckExecutor$Flush"},
      {"SlowLeak", "dev.leakhunter.catalogue.SlowLeak$Marker"},
      {"GrowingBuffer", "byte[]"},
      {"ByteChunks", "byte[]"},
      {"ConcurrentKinds", "dev.leakhunter.catalogue.ConcurrentKinds$Receipt"},
      {"ShutdownHookPerJob", "dev.leakhunter.catalogue.ShutdownHookPerJob$CleanupHook"},
      {"MBeanPerJob", "dev.leakhunter.catalogue.MBeanPerJob$ConnectionStats"},
      {"BoundedLru", ""},
      {"LazySingletonAndSpike", ""},
      {"SoftCache", ""},
      {"ConcurrentNoLeak", ""},
  };

  static Stream<Arguments> flatOut() {
    List<Arguments> runs = new ArrayList<>();
    for (int workers : new int[] {1, 4}) {
      for (String[] f : FIXTURES) {
        runs.add(Arguments.of(f[0], workers, f[1]));
      }
    }
    return runs.stream();
  }

  static Stream<Arguments> fixtures() {
    return Stream.of(FIXTURES).map(f -> Arguments.of(f[0], f[1]));
  }

  @ParameterizedTest(name = "{0} flat out, {1} worker(s)")
  @MethodSource("flatOut")
  void flatOutForThreeSeconds(String fixture, int workers, String planted) throws Exception {
    ForkedJvm jvm = ForkedJvm.catalogue("fast-flat" + workers + "-" + fixture, options(),
        fixture, "--jobs=" + FLAT_OUT_JOBS, "--rate=0", "--workers=" + workers, "--seconds=3");
    check(jvm, "flat out, " + workers + " worker" + (workers == 1 ? "" : "s"), fixture, planted,
        EVERY_20 ? Boolean.FALSE : null);
  }

  @ParameterizedTest(name = "{0}: 400 jobs at 600/s")
  @MethodSource("fixtures")
  void shortRun(String fixture, String planted) throws Exception {
    ForkedJvm jvm = ForkedJvm.catalogue("fast-short-" + fixture, options(),
        fixture, "--jobs=400", "--rate=600");
    check(jvm, "400 jobs at 600/s", fixture, planted, EVERY_20 ? Boolean.TRUE : null);
  }

  /**
   * The defaults on a short run: a daemon of ~1,000 jobs/s with a small heap gets a correct verdict
   * within its first 3,000 jobs (3 s), however the budget spaces the censuses.
   */
  @ParameterizedTest(name = "{0}: 3,000 jobs at 1,000/s, default options")
  @MethodSource("fixtures")
  void defaultsOnAThreeSecondRun(String fixture, String planted) throws Exception {
    ForkedJvm jvm = ForkedJvm.catalogue("fast-defaults-" + fixture, CatalogueIT.JOBS, fixture, "--jobs=3000",
        "--rate=1000");
    // The budget spaces these 9-10 censuses by 150-1,700 jobs: GrowingBuffer's four doublings then
    // make four rises among nine samples, a trend the whole-window test cannot yet call significant
    // (p about 0.001, its threshold): recorded in the table, not judged (docs/detection.md).
    check(jvm, "3,000 jobs at 1,000/s, defaults", fixture,
        fixture.equals("GrowingBuffer") ? null : planted, null);
  }

  private static String options() {
    return OPTIONS.isBlank() ? CatalogueIT.JOBS : CatalogueIT.JOBS + "," + OPTIONS;
  }

  /**
   * @param planted       the planted type, empty for a control, null to record the verdict only
   * @param strictCadence true: the every=20 bound on every gap; false: no stall; null: neither, and
   *                      no verdict checked either when the run's options are not every=20 (a
   *                      measurement for docs/detection.md, with -Dleakhunter.fast.options=)
   */
  private static void check(ForkedJvm jvm, String run, String fixture, String planted, Boolean strictCadence)
      throws Exception {
    assertEquals(0, jvm.waitFor(120), jvm.outputs());
    Matcher stopped = STOPPED.matcher(jvm.stdout());
    assertTrue(stopped.find(), jvm.outputs());
    long ran = Long.parseLong(stopped.group(1));
    Map<String, Object> report = jvm.reportJson();
    String context = jvm.outputs() + "\n" + jvm.reportText();
    assertEquals(ran, DemoLeaksIT.jobs(report, "completed"), context);
    TABLE.add(row(run, fixture, report, ran, CatalogueIT.firstLeakAt(jvm.stderr())));
    if (strictCadence == null && !EVERY_20 && !run.endsWith("defaults")) {
      return; // runs this short at other options are measured, not judged
    }
    if (Boolean.TRUE.equals(strictCadence)) {
      assertCadence(report, ran, context);
    } else if (Boolean.FALSE.equals(strictCadence)) {
      assertNoStall(report, ran, context);
    }
    if (planted == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> suspects = (List<Map<String, Object>>) report.get("suspects");
    if (planted.isEmpty()) {
      assertEquals(List.of(), suspects, context);
      @SuppressWarnings("unchecked")
      int samples = ((List<Object>) report.get("samples")).size();
      // At the defaults the budget may allow only 7 censuses in 3 s on a loaded machine (one census
      // of 78 ms, measured on JDK 25): too few for any verdict, and no suspect; from 8, no-leak.
      if (strictCadence != null || samples >= 8) {
        assertEquals("no-leak", report.get("verdict"), context);
      } else {
        assertEquals("inconclusive", report.get("verdict"), context);
      }
    } else {
      assertEquals("leak", report.get("verdict"), context);
      // The planted type in the first cluster: a class defined per job ties its loader at +1.00/job.
      assertTrue(suspects.stream().anyMatch(s -> planted.equals(s.get("type"))
              && ((Number) s.get("cluster")).intValue() == 1),
          "the planted type is in the first cluster\n" + context);
      Long firstLeak = CatalogueIT.firstLeakAt(jvm.stderr());
      assertTrue(firstLeak != null, context);
      if (strictCadence != null) {
        // At every=20, explaining (walks, weaving) that starts at the first leak verdict delays no
        // census: censuses go on after it, unless that verdict came with the last census or two.
        // (At the defaults the budget spaces censuses by their cost: on a 3-second run a verdict at
        // job ~2,000 may be the last census, measured on JDK 25 with a 0.5 s start-up.)
        assertTrue(firstLeak > ran * 9 / 10 || num(lastSample(report), "jobs") > firstLeak,
            "censuses after the first leak verdict (job " + firstLeak + ")\n" + context);
      }
    }
  }

  /**
   * No gap between consecutive censuses over 3 x every, plus the jobs that ran during the first
   * one's own work; the last census as close to the last job. The schedule asks for every; the
   * rest is for the sampler's wake-up and a core shared with the workers on a busy machine
   * (measured on 2 loaded cores: up to 12 jobs, 20 ms, past 2 x every at 600 jobs/s).
   */
  static void assertCadence(Map<String, Object> report, long ran, String context) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> samples = (List<Map<String, Object>>) report.get("samples");
    assertTrue(samples.size() >= 2, "at least a baseline and one more census\n" + context);
    for (int i = 1; i < samples.size(); i++) {
      long before = num(samples.get(i - 1), "jobs");
      long during = Math.max(0, num(samples.get(i - 1), "jobsAfter") - before);
      long gap = num(samples.get(i), "jobs") - before;
      assertTrue(gap <= 3L * EVERY + during, "census at job " + num(samples.get(i), "jobs") + " came " + gap
          + " jobs after the one at job " + before + " (" + during + " ran during its work)\n" + context);
    }
    Map<String, Object> last = lastSample(report);
    long during = Math.max(0, num(last, "jobsAfter") - num(last, "jobs"));
    assertTrue(ran - num(last, "jobs") <= 3L * EVERY + during,
        "the last census, at job " + num(last, "jobs") + ", is close to the last job " + ran + "\n" + context);
  }

  /**
   * At least 5 censuses (the fewest a verdict needs; four workers run 80,000 micro-jobs in under a
   * second, and 9 censuses were measured), none of them more than a fifth of the run after the one
   * before (less the jobs that ran during that one's work), nor before the end. Four workers on 2
   * cores starve the sampler now and then: a CI run on JDK 25 measured a gap of 12% of the run.
   */
  static void assertNoStall(Map<String, Object> report, long ran, String context) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> samples = (List<Map<String, Object>>) report.get("samples");
    assertTrue(samples.size() >= 5, "at least 5 censuses\n" + context);
    long before = num(samples.get(0), "jobs");
    long during = 0;
    for (Map<String, Object> s : samples) {
      long jobs = num(s, "jobs");
      assertTrue(jobs - before - during <= ran / 5, "a census at job " + jobs + ", " + (jobs - before)
          + " jobs after the one before (" + during + " during its work), over a fifth of the run\n" + context);
      before = jobs;
      during = Math.max(0, num(s, "jobsAfter") - jobs);
    }
    assertTrue(ran - before <= ran / 5, "the last census, at job " + before + ", in the last fifth of the run\n"
        + context);
  }

  /** A row of target/it-work/catalogue-fast.md: verdict, lead, first leak verdict (job, s), censuses, gaps. */
  private static String row(String run, String fixture, Map<String, Object> report, long ran, Long leakAt) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> samples = (List<Map<String, Object>>) report.get("samples");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> suspects = (List<Map<String, Object>>) report.get("suspects");
    String lead = suspects.isEmpty() ? "-" : ((String) suspects.get(0).get("type")).replace("dev.leakhunter.catalogue.", "");
    String seconds = "-";
    for (Map<String, Object> s : samples) {
      if (leakAt != null && num(s, "jobs") == leakAt) {
        seconds = String.format(java.util.Locale.ROOT, "%.1f", num(s, "uptimeMs") / 1000.0);
      }
    }
    long maxExcess = 0;
    for (int i = 1; i < samples.size(); i++) {
      long before = num(samples.get(i - 1), "jobs");
      long during = Math.max(0, num(samples.get(i - 1), "jobsAfter") - before);
      maxExcess = Math.max(maxExcess, num(samples.get(i), "jobs") - before - during);
    }
    return String.format("| %s | %s | %s | %s | %s | %s | %d | %d | %d |", run, fixture, report.get("verdict"), lead,
        leakAt == null ? "-" : leakAt, seconds, ran, samples.size(), maxExcess);
  }

  @AfterAll
  static void writeTable() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("options: " + (OPTIONS.isBlank() ? "(defaults)" : OPTIONS) + ", JDK " + ForkedJvm.JAVA);
    lines.add("");
    lines.add("| run | fixture | verdict | lead of cluster 1 | first leak verdict at job | at s (JVM uptime) | jobs run"
        + " | censuses (last 64 kept) | largest gap less jobs during the census's work |");
    lines.add("|---|---|---|---|---|---|---|---|---|");
    lines.addAll(TABLE.stream().sorted().toList());
    Path out = ForkedJvm.WORK.resolve("catalogue-fast.md");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
  }

  private static Map<String, Object> lastSample(Map<String, Object> report) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> samples = (List<Map<String, Object>>) report.get("samples");
    return samples.get(samples.size() - 1);
  }

  private static long num(Map<String, Object> sample, String key) {
    Object v = sample.get(key);
    assertTrue(v instanceof Number, key + " in " + sample);
    return ((Number) v).longValue();
  }
}
