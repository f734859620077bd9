package dev.leakhunter.agent;

import dev.leakhunter.jobs.JobPattern;
import dev.leakhunter.publish.JmxPublisher;
import dev.leakhunter.report.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.StringJoiner;

/**
 * The agent options, {@code KEY=VALUE,KEY=VALUE} (DESIGN, "Agent options"): parsed and validated
 * here only, for {@code -javaagent} and for {@code attach} alike. Immutable.
 */
public final class AgentOptions {

  public static final String JOBS = "jobs";
  public static final String OUT = "out";
  public static final String WARMUP = "warmup";
  public static final String EVERY = "every";
  public static final String OVERHEAD = "overhead";
  public static final String MAXPAUSE = "maxpause";
  public static final String TRACE = "trace";
  public static final String REPORT = "report";
  public static final String QUIET = "quiet";
  public static final String JMX = "jmx";
  public static final String DEBUG = "debug";

  public static final String DEFAULT_OUT = "leakhunter";
  public static final int DEFAULT_WARMUP = 20;
  /** {@code every=auto}: as often as the overhead budget allows. */
  public static final int EVERY_AUTO = 0;
  public static final double DEFAULT_OVERHEAD_PERCENT = 2.0;
  /** A census pausing the JVM longer than this makes the agent sample less (see PauseGuard). */
  public static final long DEFAULT_MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MAX_MAX_PAUSE_NANOS = TimeUnit.HOURS.toNanos(1);
  public static final Set<ReportFormat> DEFAULT_REPORT = EnumSet.allOf(ReportFormat.class);

  private static final List<String> KEYS = List.of(JOBS, OUT, WARMUP, EVERY, OVERHEAD, MAXPAUSE, TRACE, REPORT, QUIET, JMX,
      DEBUG);
  // A comma starts a new option only when "key=" follows, so values (paths) may hold commas.
  private static final Pattern OPTION_SEPARATOR = Pattern.compile(",(?=[a-zA-Z0-9_\\-]+=)");

  private final List<JobPattern> jobs;
  private final Path out;
  private final int warmup;
  private final int every;
  private final double overheadPercent;
  private final long maxPauseNanos;
  private final String trace;
  private final Set<ReportFormat> report;
  private final boolean quiet;
  private final JmxPublisher.Mode jmx;
  private final boolean debug;

  private AgentOptions(List<JobPattern> jobs, Path out, int warmup, int every, double overheadPercent,
                       long maxPauseNanos, String trace, Set<ReportFormat> report, boolean quiet,
                       JmxPublisher.Mode jmx, boolean debug) {
    this.jobs = List.copyOf(jobs);
    this.out = out;
    this.warmup = warmup;
    this.every = every;
    this.overheadPercent = overheadPercent;
    this.maxPauseNanos = maxPauseNanos;
    this.trace = trace;
    this.report = Set.copyOf(report);
    this.quiet = quiet;
    this.jmx = jmx;
    this.debug = debug;
  }

  public static AgentOptions parse(String options) throws OptionException {
    if (options == null || options.isBlank()) {
      throw new OptionException(JOBS, "no options given; at least jobs=TYPE#METHOD is required, "
          + "e.g. -javaagent:leakhunter.jar=jobs=com.acme.Worker#handle");
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (String option : OPTION_SEPARATOR.split(options.trim())) {
      int eq = option.indexOf('=');
      if (eq <= 0) {
        throw new OptionException(null, "'" + option + "' is not KEY=VALUE; options are " + String.join(", ", KEYS));
      }
      String key = option.substring(0, eq).trim();
      if (!KEYS.contains(key)) {
        throw new OptionException(key, "unknown option '" + key + "'; valid options are " + String.join(", ", KEYS));
      }
      if (given.put(key, option.substring(eq + 1).trim()) != null) {
        throw new OptionException(key, "option '" + key + "' is given twice");
      }
    }
    if (!given.containsKey(JOBS)) {
      throw new OptionException(JOBS, "option 'jobs' is required: job boundaries as TYPE#METHOD joined by ':', "
          + "e.g. jobs=com.acme.Worker#handle");
    }
    return new AgentOptions(
        jobs(given.get(JOBS)),
        out(given.getOrDefault(OUT, DEFAULT_OUT)),
        warmup(given.get(WARMUP)),
        every(given.get(EVERY)),
        overhead(given.get(OVERHEAD)),
        maxPause(given.get(MAXPAUSE)),
        trace(given.get(TRACE)),
        report(given.get(REPORT)),
        quiet(given.get(QUIET)),
        jmx(given.get(JMX)),
        flag(DEBUG, given.get(DEBUG)));
  }

  private static List<JobPattern> jobs(String value) throws OptionException {
    try {
      return JobPattern.parseList(value);
    } catch (IllegalArgumentException e) {
      throw bad(JOBS, value, e.getMessage() + "; expected TYPE#METHOD joined by ':', "
          + "* as a wildcard, e.g. jobs=com.acme.Worker#handle:com.acme.jobs.*#run");
    }
  }

  private static Path out(String value) throws OptionException {
    if (value.isEmpty()) {
      throw bad(OUT, value, "expected a directory, e.g. out=/var/log/leakhunter");
    }
    try {
      return Path.of(value);
    } catch (RuntimeException e) {
      throw bad(OUT, value, "not a valid path (" + e.getMessage() + ")");
    }
  }

  private static int warmup(String value) throws OptionException {
    if (value == null) {
      return DEFAULT_WARMUP;
    }
    Integer n = wholeNumber(value);
    if (n == null || n < 0) {
      throw bad(WARMUP, value, "expected a whole number of jobs >= 0, e.g. warmup=20");
    }
    return n;
  }

  private static int every(String value) throws OptionException {
    if (value == null || value.equals("auto")) {
      return EVERY_AUTO;
    }
    Integer n = wholeNumber(value);
    if (n == null || n < 1) {
      throw bad(EVERY, value, "expected 'auto' or a whole number of jobs >= 1, e.g. every=50");
    }
    return n;
  }

  private static double overhead(String value) throws OptionException {
    if (value == null) {
      return DEFAULT_OVERHEAD_PERCENT;
    }
    String number = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
    try {
      double percent = Double.parseDouble(number);
      if (percent > 0 && percent <= 50) {
        return percent;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw bad(OVERHEAD, value, "expected a percentage of wall time above 0 and at most 50, e.g. overhead=2");
  }

  private static long maxPause(String value) throws OptionException {
    if (value == null) {
      return DEFAULT_MAX_PAUSE_NANOS;
    }
    boolean millis = value.endsWith("ms");
    String number = millis ? value.substring(0, value.length() - 2) : value.endsWith("s")
        ? value.substring(0, value.length() - 1) : value;
    try {
      double d = Double.parseDouble(number);
      long nanos = (long) (d * (millis ? 1e6 : 1e9));
      if (d > 0 && nanos >= TimeUnit.MILLISECONDS.toNanos(1) && nanos <= MAX_MAX_PAUSE_NANOS) {
        return nanos;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw bad(MAXPAUSE, value, "expected a duration from 1ms to 3600s, in s (the default unit) or ms, "
        + "e.g. maxpause=1s or maxpause=500ms");
  }

  // A Java-language type name as the report prints it: com.acme.Order, com.acme.Outer$Inner, byte[].
  private static final Pattern TYPE_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*(\\[\\])*");

  private static String trace(String value) throws OptionException {
    if (value == null) {
      return null;
    }
    if (!TYPE_NAME.matcher(value).matches()) {
      throw bad(TRACE, value, "expected a type name as the report prints it, e.g. trace=com.acme.Order or trace=byte[]");
    }
    return value;
  }

  private static Set<ReportFormat> report(String value) throws OptionException {
    if (value == null) {
      return DEFAULT_REPORT;
    }
    try {
      return ReportFormat.parseList(value);
    } catch (IllegalArgumentException e) {
      throw bad(REPORT, value, "expected formats among json, txt, html joined by ':', e.g. report=json:txt");
    }
  }

  private static boolean quiet(String value) throws OptionException {
    return flag(QUIET, value);
  }

  /** {@code true} (or the key alone, {@code quiet=}) or {@code false}. */
  private static boolean flag(String key, String value) throws OptionException {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true") || value.isEmpty()) {
      return true;
    }
    throw bad(key, value, "expected true or false, e.g. " + key + "=true");
  }

  private static JmxPublisher.Mode jmx(String value) throws OptionException {
    JmxPublisher.Mode mode = JmxPublisher.Mode.parse(value == null ? "auto" : value);
    if (mode == null) {
      throw bad(JMX, value, "expected auto (the MBean once the JVM has an MBean server), true or false, e.g. jmx=true");
    }
    return mode;
  }

  private static Integer wholeNumber(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static OptionException bad(String key, String value, String expected) {
    return new OptionException(key, "bad option " + key + "=" + value + ": " + expected);
  }

  public List<JobPattern> jobs() {
    return jobs;
  }

  public Path out() {
    return out;
  }

  public int warmup() {
    return warmup;
  }

  /** Jobs between samples, or {@link #EVERY_AUTO}. */
  public int every() {
    return every;
  }

  public boolean everyAuto() {
    return every == EVERY_AUTO;
  }

  public double overheadPercent() {
    return overheadPercent;
  }

  /** The longest census pause the agent takes at its normal pace. */
  public long maxPauseNanos() {
    return maxPauseNanos;
  }

  /** The type to explain from the first sample on, or null. */
  public String trace() {
    return trace;
  }

  public Set<ReportFormat> report() {
    return report;
  }

  public boolean quiet() {
    return quiet;
  }

  /** Errors in the log with their stack traces, for a bug report. */
  public boolean debug() {
    return debug;
  }

  /** When the MBean is registered: see {@link JmxPublisher}. */
  public JmxPublisher.Mode jmx() {
    return jmx;
  }

  /** The effective options, defaults included, in the order of DESIGN; for the report. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(JOBS, jobsJoined(":"));
    m.put(OUT, out.toString());
    m.put(WARMUP, Integer.toString(warmup));
    m.put(EVERY, everyAuto() ? "auto" : Integer.toString(every));
    m.put(OVERHEAD, stripZero(overheadPercent));
    m.put(MAXPAUSE, maxPauseNanos % 1_000_000_000L == 0 ? maxPauseNanos / 1_000_000_000L + "s"
        : stripZero(maxPauseNanos / 1e6) + "ms");
    if (trace != null) {
      m.put(TRACE, trace);
    }
    StringJoiner formats = new StringJoiner(":");
    EnumSet<ReportFormat> ordered = EnumSet.noneOf(ReportFormat.class); // declaration order
    ordered.addAll(report);
    for (ReportFormat f : ordered) {
      formats.add(f.id());
    }
    m.put(REPORT, formats.toString());
    m.put(QUIET, Boolean.toString(quiet));
    m.put(JMX, jmx.id());
    m.put(DEBUG, Boolean.toString(debug));
    return m;
  }

  private static String stripZero(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  @Override
  public String toString() {
    StringJoiner all = new StringJoiner(",");
    for (Map.Entry<String, String> e : asMap().entrySet()) {
      all.add(e.getKey() + "=" + e.getValue());
    }
    return all.toString();
  }

  /**
   * The job patterns joined by {@code separator}. Plain loops here and elsewhere in the agent, not
   * streams: stream stages are JIT profiles the agent would share with the host (see OwnSort).
   */
  public String jobsJoined(String separator) {
    StringJoiner joined = new StringJoiner(separator);
    for (JobPattern p : jobs) {
      joined.add(p.toString());
    }
    return joined.toString();
  }
}
