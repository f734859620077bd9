package dev.leakhunter.report;

import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic reports for the tests: a daemon with two leaks, a clean one, one that has not run long enough. */
final class Reports {
  private Reports() {
  }

  static final Report.Tool TOOL = new Report.Tool("leakhunter", "0.1.0");
  static final Report.Jvm JVM = new Report.Jvm(4242, "17.0.15", "G1", 512L * 1024 * 1024);

  static Map<String, String> options() {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("jobs", "com.acme.Worker#handle");
    o.put("warmup", "20");
    o.put("report", "json:txt:html");
    return o;
  }

  /** Samples every 40 jobs from 40 to {@code lastJobs}; the heap grows by {@code bytesPerJob}. */
  static List<Report.Sample> samples(long lastJobs, long bytesPerJob) {
    List<Report.Sample> list = new ArrayList<>();
    for (long jobs = 40; jobs <= lastJobs; jobs += 40) {
      list.add(new Report.Sample(jobs, 1_000 + jobs * 25, 14_890_000 + jobs * bytesPerJob, 181_204 + jobs * 2,
          18 + jobs / 100, jobs % 80 == 0 ? 0 : 1, 3_412, 23, jobs + 2));
    }
    return list;
  }

  static List<SeriesPoint> series(double perJob, long bytesEach, long lastJobs) {
    List<SeriesPoint> list = new ArrayList<>();
    for (long jobs = 40; jobs <= lastJobs; jobs += 40) {
      long instances = Math.round((jobs - 20) * perJob);
      list.add(new SeriesPoint(jobs, instances, instances * bytesEach));
    }
    return list;
  }

  /** Two leaks: processed orders kept in a static list, and a shutdown hook registered every fourth job. */
  static Report leak() {
    Report.SuspectReport orders = new Report.SuspectReport(
        new Suspect("com.acme.OrderRecord", 1.0, 88.0, 0.99, 1, series(1.0, 88, 400)),
        List.of(new Report.Root("static com.acme.Worker.processed",
            List.of("java.util.ArrayList", "java.lang.Object[]", "com.acme.OrderRecord"), 112.0)),
        List.of(new Report.AllocationSite(
            List.of("com.acme.OrderRecord.<init>(OrderRecord.java:12)", "com.acme.Worker.handle(Worker.java:42)",
                "com.acme.Worker.run(Worker.java:17)", "java.lang.Thread.run(Thread.java:840)"), 380)));
    Report.SuspectReport ids = new Report.SuspectReport(
        new Suspect("java.lang.String", 1.0, 24.0, 0.97, 1, series(1.0, 24, 400)), List.of(), List.of());
    Report.SuspectReport hooks = new Report.SuspectReport(
        new Suspect("java.lang.Thread", 0.25, 92.0, 0.93, 2, series(0.25, 368, 400)),
        List.of(new Report.Root("static java.lang.ApplicationShutdownHooks.hooks",
            List.of("java.util.IdentityHashMap", "java.lang.Object[]", "java.lang.Thread"), 96.0)),
        List.of(new Report.AllocationSite(List.of("com.acme.Worker.registerCleanup(Worker.java:88)"), 95)));
    Report.SuspectReport lambdas = new Report.SuspectReport(
        new Suspect("com.acme.Worker$$Lambda$41", 0.25, 4.0, 0.91, 2, series(0.25, 16, 400)), List.of(), List.of());
    return new Report(Report.SCHEMA, TOOL, JVM, options(), new Report.Jobs(400, 0, 20), samples(400, 208),
        Verdict.LEAK, null, List.of(orders, ids, hooks, lambdas));
  }

  static Report noLeak() {
    return new Report(Report.SCHEMA, TOOL, JVM, options(), new Report.Jobs(400, 1, 20), samples(400, 0),
        Verdict.NO_LEAK, null, List.of());
  }

  static Report inconclusive() {
    return new Report(Report.SCHEMA, TOOL, JVM, options(), new Report.Jobs(85, 1, 20), samples(80, 0),
        Verdict.INCONCLUSIVE, "need 3 more samples (about 120 more jobs)", List.of());
  }

  /** A single suspect of the given type, with a root and a frame of the given text. */
  static Report withSuspect(String type, String root, String frame) {
    return leakOf(new Suspect(type, 1.0, 88.0, 0.99, 1, series(1.0, 88, 200)),
        List.of(new Report.Root(root, List.of("java.util.ArrayList", type), 88.0)),
        List.of(new Report.AllocationSite(List.of(frame), 180)));
  }

  /** A leak verdict after 200 jobs with one suspect, explained by {@code roots} and {@code sites}. */
  static Report leakOf(Suspect suspect, List<Report.Root> roots, List<Report.AllocationSite> sites) {
    return new Report(Report.SCHEMA, TOOL, JVM, options(), new Report.Jobs(200, 0, 20), samples(200, 88),
        Verdict.LEAK, null, List.of(new Report.SuspectReport(suspect, roots, sites)));
  }
}
