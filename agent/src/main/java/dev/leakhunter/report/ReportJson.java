package dev.leakhunter.report;

import dev.leakhunter.growth.Plateau;
import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.growth.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code leakhunter-report.json}: the binding shape of DESIGN ("Report"), written and read.
 *
 * <p>Reading is forward compatible: unknown fields are ignored, so a report from a newer leakhunter of the
 * same schema still reads (extra elements after a series point's three are ignored likewise). Every field
 * DESIGN shows is required, except {@code note}; the per-sample {@code inFlight}, {@code loadedClasses} and
 * {@code threads}, which DESIGN's sample does not show, read as -1 (unknown) when absent. A JSON {@code null} in a decimal field reads as NaN, since that is how NaN is
 * written. Errors name the field by its path, e.g. {@code suspects[1].series[0]}.
 */
public final class ReportJson {
  private ReportJson() {
  }

  /** The report as pretty-printed JSON, ending with a newline. */
  public static String write(Report r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", r.schema());
    root.put("tool", obj("name", r.tool().name(), "version", r.tool().version()));
    Report.Jvm jvm = r.jvm();
    root.put("jvm", obj("pid", jvm.pid(), "version", jvm.version(), "gc", jvm.gc(),
        "maxHeapBytes", jvm.maxHeapBytes()));
    root.put("options", r.options());
    Report.Jobs jobs = r.jobs();
    root.put("jobs", obj("completed", jobs.completed(), "inFlight", jobs.inFlight(), "warmup", jobs.warmup()));
    Report.Cost c = r.cost();
    if (c != null) {
      Map<String, Object> cost = obj("wallMs", c.wallMs(), "startupMs", c.startupMs(), "censusPauseMs", c.censusPauseMs(),
          "samplerMs", c.samplerMs(), "explainingMs", c.explainingMs(), "afterEffectsMs", c.afterEffectsMs());
      cost.put("censusCpuMs", c.censusCpuMs());
      cost.put("processCpuMs", c.processCpuMs());
      cost.put("percent", Math.round(c.percent() * 100) / 100.0);
      cost.put("budgetPercent", c.budgetPercent());
      cost.put("heapCommittedBytes", c.heapCommittedBytes());
      cost.put("heapKeptBytes", c.heapKeptBytes());
      cost.put("heapGivenBack", c.heapGivenBack());
      cost.put("agentObjectsBytes", c.agentObjectsBytes());
      cost.put("agentHeldBytes", c.agentHeldBytes());
      root.put("cost", cost);
    }
    List<Object> samples = new ArrayList<>();
    for (Report.Sample s : r.samples()) {
      Map<String, Object> m = obj("jobs", s.jobs(), "uptimeMs", s.uptimeMs(), "liveBytes", s.liveBytes(),
          "liveObjects", s.liveObjects(), "censusMs", s.censusMs());
      m.put("inFlight", s.inFlight());
      m.put("loadedClasses", s.loadedClasses());
      m.put("threads", s.threads());
      if (s.jobsAfter() >= 0) {
        m.put("jobsAfter", s.jobsAfter());
      }
      samples.add(m);
    }
    root.put("samples", samples);
    root.put("verdict", r.verdict().json());
    if (r.note() != null) {
      root.put("note", r.note());
    }
    List<Object> suspects = new ArrayList<>();
    for (Report.SuspectReport sr : r.suspects()) {
      suspects.add(suspect(sr));
    }
    root.put("suspects", suspects);
    List<Object> plateaued = new ArrayList<>();
    for (Plateau p : r.plateaued()) {
      plateaued.add(obj("type", p.type(), "instancesGrown", p.instancesGrown(), "bytesGrown", p.bytesGrown(),
          "fromJobs", p.fromJobs(), "flatSinceJobs", p.flatSinceJobs()));
    }
    root.put("plateaued", plateaued);
    // Derived from the fields above (render and check recompute it for older reports); not read back.
    List<Object> exhaustion = new ArrayList<>();
    for (Exhaustion e : Exhaustion.of(r)) {
      Map<String, Object> m = obj("cluster", e.cluster(), "bytesPerJob", e.bytesPerJob(), "jobsPerSecond", e.jobsPerSecond());
      m.put("maxHeapBytes", e.maxHeapBytes());
      m.put("liveBytes", e.liveBytes());
      m.put("remainingBytes", e.remainingBytes());
      m.put("jobs", e.jobs());
      m.put("seconds", e.seconds());
      m.put("text", e.sentence());
      exhaustion.add(m);
    }
    if (!exhaustion.isEmpty()) {
      root.put("exhaustion", exhaustion);
    }
    return JsonWriter.write(root) + "\n";
  }

  private static Map<String, Object> suspect(Report.SuspectReport sr) {
    Suspect s = sr.suspect();
    Map<String, Object> m = obj("type", s.type(), "instancesPerJob", s.instancesPerJob(),
        "bytesPerJob", s.bytesPerJob(), "confidence", s.confidence());
    m.put("cluster", s.cluster());
    List<Object> series = new ArrayList<>();
    for (SeriesPoint p : s.series()) {
      series.add(List.of(p.jobs(), p.instances(), p.bytes()));
    }
    m.put("series", series);
    List<Object> roots = new ArrayList<>();
    for (Report.Root root : sr.roots()) {
      Map<String, Object> rm = obj("root", root.root(), "path", root.path(), "bytesPerJob", root.bytesPerJob());
      if (root.bytes() >= 0) {
        rm.put("bytes", root.bytes());
      }
      roots.add(rm);
    }
    m.put("roots", roots);
    List<Object> sites = new ArrayList<>();
    for (Report.AllocationSite site : sr.allocationSites()) {
      sites.add(obj("frames", site.frames(), "survivors", site.survivors()));
    }
    m.put("allocationSites", sites);
    return m;
  }

  /** A map keeping the order the fields are given in (the order DESIGN shows). Nulls are written as null. */
  private static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * Reads a report.
   *
   * @throws JsonException            if {@code json} is not JSON (with line and column)
   * @throws IllegalArgumentException if it is JSON but not a report this version understands: an unknown
   *                                  schema, a missing field or a field of the wrong type (with the field's path)
   */
  public static Report read(String json) {
    Object parsed = Json.parse(json);
    if (!(parsed instanceof Map)) {
      throw new IllegalArgumentException("not a leakhunter report: expected a JSON object at the top, found "
          + Node.describe(parsed));
    }
    Node root = new Node("", cast(parsed));
    if (!root.map.containsKey("schema")) {
      throw new IllegalArgumentException("not a leakhunter report: no \"schema\" field");
    }
    long schema = root.lng("schema");
    if (schema != Report.SCHEMA) {
      throw new IllegalArgumentException("report schema " + schema + " is not supported: this leakhunter reads "
          + "schema " + Report.SCHEMA + (schema > Report.SCHEMA ? "; use a newer leakhunter to read it" : ""));
    }
    Node tool = root.obj("tool");
    Node jvm = root.obj("jvm");
    Node jobs = root.obj("jobs");
    Map<String, String> options = new LinkedHashMap<>();
    Node opts = root.obj("options");
    for (String key : opts.map.keySet()) {
      options.put(key, opts.str(key));
    }
    List<Report.Sample> samples = new ArrayList<>();
    for (Node s : root.objects("samples")) {
      samples.add(new Report.Sample(s.lng("jobs"), s.lng("uptimeMs"), s.lng("liveBytes"), s.lng("liveObjects"),
          s.lng("censusMs"), s.lngOr("inFlight", -1), s.lngOr("loadedClasses", -1), s.lngOr("threads", -1),
          s.lngOr("jobsAfter", -1)));
    }
    Report.Cost cost = null;
    if (root.map.containsKey("cost")) {
      Node c = root.obj("cost");
      cost = new Report.Cost(c.lng("wallMs"), c.lng("startupMs"), c.lng("censusPauseMs"), c.lng("samplerMs"),
          c.lng("explainingMs"), c.lngOr("afterEffectsMs", 0), c.lngOr("censusCpuMs", -1), c.lngOr("processCpuMs", -1),
          c.dbl("budgetPercent"), c.lng("heapCommittedBytes"), c.lng("heapKeptBytes"),
          c.lng("heapGivenBack"), c.lng("agentObjectsBytes"), c.lngOr("agentHeldBytes", -1));
    }
    Verdict verdict = root.verdict("verdict");
    String note = root.optStr("note");
    List<Report.SuspectReport> suspects = new ArrayList<>();
    for (Node s : root.objects("suspects")) {
      suspects.add(suspect(s));
    }
    List<Plateau> plateaued = new ArrayList<>();
    if (root.map.containsKey("plateaued")) { // reports of earlier versions have none
      for (Node p : root.objects("plateaued")) {
        plateaued.add(new Plateau(p.str("type"), p.lng("instancesGrown"), p.lng("bytesGrown"), p.lng("fromJobs"),
            p.lng("flatSinceJobs")));
      }
    }
    return new Report((int) schema,
        new Report.Tool(tool.str("name"), tool.str("version")),
        new Report.Jvm(jvm.lng("pid"), jvm.str("version"), jvm.str("gc"), jvm.lng("maxHeapBytes")),
        options,
        new Report.Jobs(jobs.lng("completed"), jobs.lng("inFlight"), jobs.lng("warmup")),
        samples, verdict, note, suspects, cost, plateaued);
  }

  private static Report.SuspectReport suspect(Node s) {
    List<SeriesPoint> series = new ArrayList<>();
    List<Object> points = s.list("series");
    for (int i = 0; i < points.size(); i++) {
      String path = s.path("series") + "[" + i + "]";
      Object p = points.get(i);
      // More than three is a newer writer adding a column: read the three we know, as with unknown fields.
      if (!(p instanceof List) || ((List<?>) p).size() < 3) {
        throw new IllegalArgumentException(path + ": expected [jobs, instances, bytes], found " + Node.describe(p));
      }
      List<?> triple = (List<?>) p;
      series.add(new SeriesPoint(Node.integer(path + "[0]", triple.get(0)), Node.integer(path + "[1]", triple.get(1)),
          Node.integer(path + "[2]", triple.get(2))));
    }
    long cluster = s.lng("cluster");
    if (cluster < Integer.MIN_VALUE || cluster > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(s.path("cluster") + ": " + cluster + " is out of range");
    }
    Suspect suspect = new Suspect(s.str("type"), s.dbl("instancesPerJob"), s.dbl("bytesPerJob"),
        s.dbl("confidence"), (int) cluster, series);
    List<Report.Root> roots = new ArrayList<>();
    for (Node r : s.objects("roots")) {
      roots.add(new Report.Root(r.str("root"), r.strings("path"), r.dbl("bytesPerJob"), r.lngOr("bytes", -1)));
    }
    List<Report.AllocationSite> sites = new ArrayList<>();
    for (Node a : s.objects("allocationSites")) {
      sites.add(new Report.AllocationSite(a.strings("frames"), a.lng("survivors")));
    }
    return new Report.SuspectReport(suspect, roots, sites);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }

  /** A JSON object and its path in the document, so every error can say exactly which field is wrong. */
  private static final class Node {
    final String path;
    final Map<String, Object> map;

    Node(String path, Map<String, Object> map) {
      this.path = path;
      this.map = map;
    }

    String path(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    private Object required(String key) {
      if (!map.containsKey(key)) {
        throw new IllegalArgumentException("missing required field \"" + path(key) + "\"");
      }
      return map.get(key);
    }

    String str(String key) {
      Object v = required(key);
      if (!(v instanceof String)) {
        throw wrongType(path(key), "a string", v);
      }
      return (String) v;
    }

    String optStr(String key) {
      Object v = map.get(key);
      if (v != null && !(v instanceof String)) {
        throw wrongType(path(key), "a string or null", v);
      }
      return (String) v;
    }

    long lng(String key) {
      return integer(path(key), required(key));
    }

    long lngOr(String key, long absent) {
      return map.containsKey(key) ? lng(key) : absent;
    }

    double dbl(String key) {
      Object v = required(key);
      if (v == null) {
        return Double.NaN;
      }
      if (!(v instanceof Long || v instanceof Double)) {
        throw wrongType(path(key), "a number", v);
      }
      return ((Number) v).doubleValue();
    }

    Verdict verdict(String key) {
      String v = str(key);
      try {
        return Verdict.fromJson(v);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path(key) + ": " + e.getMessage(), e);
      }
    }

    Node obj(String key) {
      Object v = required(key);
      if (!(v instanceof Map)) {
        throw wrongType(path(key), "an object", v);
      }
      return new Node(path(key), cast(v));
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String key) {
      Object v = required(key);
      if (!(v instanceof List)) {
        throw wrongType(path(key), "an array", v);
      }
      return (List<Object>) v;
    }

    List<Node> objects(String key) {
      List<Object> list = list(key);
      List<Node> nodes = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        String p = path(key) + "[" + i + "]";
        Object v = list.get(i);
        if (!(v instanceof Map)) {
          throw wrongType(p, "an object", v);
        }
        nodes.add(new Node(p, cast(v)));
      }
      return nodes;
    }

    List<String> strings(String key) {
      List<Object> list = list(key);
      List<String> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object v = list.get(i);
        if (!(v instanceof String)) {
          throw wrongType(path(key) + "[" + i + "]", "a string", v);
        }
        out.add((String) v);
      }
      return out;
    }

    static long integer(String path, Object v) {
      if (!(v instanceof Long)) {
        throw wrongType(path, "an integer", v);
      }
      return (Long) v;
    }

    static IllegalArgumentException wrongType(String path, String expected, Object found) {
      return new IllegalArgumentException(path + ": expected " + expected + ", found " + describe(found));
    }

    /** Short: a type and, for scalars, the value. Reports hold no secrets, but a whole subtree would flood. */
    static String describe(Object v) {
      if (v == null) {
        return "null";
      }
      if (v instanceof String) {
        String s = (String) v;
        return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
      }
      if (v instanceof Map) {
        return "an object";
      }
      if (v instanceof List) {
        return "an array of " + ((List<?>) v).size();
      }
      if (v instanceof Boolean) {
        return v.toString();
      }
      return (v instanceof Long ? "the integer " : "the number ") + v;
    }
  }
}
