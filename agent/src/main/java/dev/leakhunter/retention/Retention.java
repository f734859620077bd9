package dev.leakhunter.retention;

import dev.leakhunter.common.OwnMaps;
import dev.leakhunter.common.OwnSort;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Who holds the suspects: at each sample, one bounded walk from the candidate roots counts the
 * suspect types under each root; across samples, the root whose count rises with jobs is the one
 * that holds the leak. Runs on the agent's explainer thread, one walk at a time, and gives way to
 * a census that falls due meanwhile.
 *
 * <p>Its memory is bounded: per type at most {@link #ROOTS_KEPT} roots' first and latest counts.
 */
public final class Retention {

  static final int ROOTS_KEPT = 64;
  static final int ROOTS_REPORTED = 3;
  /** Walks that may miss a path before it is forgotten. */
  static final int STALE_WALKS = 3;
  private static final int TOP_FRAMES = 3;

  /** Paths seen in two walks first, by growth; paths seen once after them, by size. */
  private static final Comparator<Seen> GROWING_FIRST = (a, b) -> {
    boolean aOnce = Double.isNaN(a.ranked.perJob());
    boolean bOnce = Double.isNaN(b.ranked.perJob());
    if (aOnce != bOnce) {
      return aOnce ? 1 : -1;
    }
    int growth = Double.compare(bOnce ? 0 : b.ranked.bytesPerJob(), aOnce ? 0 : a.ranked.bytesPerJob());
    return growth != 0 ? growth : Long.compare(b.ranked.bytes(), a.ranked.bytes());
  };

  private final Instrumentation inst;
  private final DeepAccess access;
  private final Predicate<String> ownType;
  private final Walker walker;
  // The first walk reflects on every class's statics and the objects' classes; it need not visit
  // the whole heap for that. Measured with the full bounds: on a daemon whose leak grew flat out
  // (4 workers queueing tasks) it visited 200,126 objects in 379 ms before the baseline census, in
  // which all 80,000 jobs of the run went by.
  private final Walker primer;
  static final WalkLimits PRIME_LIMITS = new WalkLimits(20_000, 100_000_000L, 5_000);
  private final boolean collectRoots;
  // Per type, by hash of the root key and path, what the walks saw of that path. A hash, not the key:
  // 64 paths' keys are ~20 KB of strings, JDK objects the census counts, and their arrival with a
  // type's first walk broke the staircase of a doubling buffer (GrowingBuffer) on JDK 25. Kept in
  // the agent's own arrays, not a HashMap<Long, Seen>: its nodes and boxed keys, up to 64 a type,
  // were JDK objects too, and each suspect's first walk added them to the census in one step
  // (measured: a control read as a leak of java.util.HashMap$Node on a 400-job run).
  private Paths[] history = new Paths[4];
  private int histories;

  public Retention(Instrumentation inst, DeepAccess access, Predicate<String> ownType, WalkLimits limits) {
    this(inst, access, ownType, limits, true);
  }

  private Retention(Instrumentation inst, DeepAccess access, Predicate<String> ownType, WalkLimits limits,
                    boolean collectRoots) {
    this.collectRoots = collectRoots;
    this.inst = inst;
    this.access = access;
    this.ownType = ownType;
    this.walker = new Walker(access, ownType, limits, inst::getObjectSize);
    this.primer = new Walker(access, ownType, PRIME_LIMITS, inst::getObjectSize);
  }

  /** Counts the JDK-typed objects the agent holds, with this walk's access to the JDK's fields. */
  public OwnObjects ownObjects() {
    return new OwnObjects(access, ownType, inst::getObjectSize, inst::getAllLoadedClasses);
  }

  /**
   * For the agent's warm-up: the walk, ranking and paths from the given receivers only, with small
   * bounds. Reading every class's statics is what makes a walk slow cold (hundreds of ms at agent
   * start); {@link #prime} does that once, before the baseline census.
   */
  public Retention receiversOnly() {
    return new Retention(inst, access, ownType, new WalkLimits(2_000, 1_000_000_000L, 1_000), false);
  }

  public boolean deepAccess() {
    return access.deep();
  }

  /**
   * One walk with no target, before the baseline census: the first reflection on a class leaves
   * data cached on it, and a first walk mid-hunt would read as growth in the JDK's own types.
   */
  public synchronized Explanation prime(List<Object> receivers) {
    return walk(primer, List.of(), receivers, NEVER);
  }

  /** Walks, updates each root's history, and ranks the roots of each target. */
  public synchronized Explanation explain(long jobs, List<Target> targets, List<Object> receivers) {
    return explain(jobs, targets, receivers, NEVER);
  }

  /**
   * As above, but gives up, leaving the history as it was, as soon as {@code abandon} says so (a
   * census is due: see Walker); then returns null.
   */
  public synchronized Explanation explain(long jobs, List<Target> targets, List<Object> receivers,
                                          BooleanSupplier abandon) {
    Explanation walked = walk(targets, receivers, abandon);
    if (walked == null) {
      return null;
    }
    Map<String, List<Holding>> holdings = new HashMap<>();
    Set<String> types = new HashSet<>();
    List<String> notes = new ArrayList<>(walked.notes());
    for (Target t : targets) {
      types.add(t.type());
      List<Holding> found = walked.holdings().getOrDefault(t.type(), List.of());
      List<Holding> ranked = rank(jobs, t, found);
      holdings.put(t.type(), ranked);
      if (found.isEmpty() && !ranked.isEmpty()) {
        notes.add("no root reached " + t.type() + " at job " + jobs + " (is the host shutting down?); its roots are"
            + " as last seen at job " + ranked.get(0).lastSeenJobs());
      }
    }
    retainHistories(types);
    return new Explanation(holdings, walked.visited(), walked.nanos(), notes);
  }

  private static final BooleanSupplier NEVER = () -> false;

  /** One walk, or null when it was abandoned. */
  private Explanation walk(List<Target> targets, List<Object> receivers, BooleanSupplier abandon) {
    return walk(walker, targets, receivers, abandon);
  }

  private Explanation walk(Walker walker, List<Target> targets, List<Object> receivers, BooleanSupplier abandon) {
    long started = System.nanoTime();
    Set<String> names = new HashSet<>();
    for (Target t : targets) {
      names.add(t.type());
    }
    Roots roots = collectRoots ? Roots.collect(inst.getAllLoadedClasses(), access,
        name -> ownType.test(name) || names.contains(name), Set.of()) : Roots.none();
    if (abandon.getAsBoolean()) {
      return null;
    }
    Walk walk = walker.walk(roots.candidates(), receivers, names, roots.threadLocals(), abandon);
    if (walk.abandoned()) {
      return null;
    }
    Map<String, List<Holding>> raw = new HashMap<>();
    for (Map.Entry<String, List<Walk.Hit>> e : byThreadPattern(walk.hits()).entrySet()) {
      for (Walk.Hit h : e.getValue()) {
        OwnMaps.listIn(raw, h.type()).add(new Holding(h.root(), h.path(), h.count(), h.bytes(), Double.NaN, 0, 0));
      }
    }
    return new Explanation(raw, walk.visited(), System.nanoTime() - started, walk.notes());
  }

  /** Threads named alike ({@code pool-3-thread-7}) are one root: they come and go, the pattern stays. */
  private static Map<String, List<Walk.Hit>> byThreadPattern(List<Walk.Hit> hits) {
    Map<String, Walk.Hit> merged = new LinkedHashMap<>();
    Map<String, List<String>> names = new HashMap<>();
    for (Walk.Hit h : hits) {
      if (h.thread() == null) {
        merged.put(h.type() + "\0" + h.root() + "\0" + h.path(), h);
        continue;
      }
      String pattern = digitsAsN(h.thread().getName());
      String key = h.type() + "\0thread " + pattern + "\0" + h.path();
      Walk.Hit seen = merged.get(key);
      OwnMaps.listIn(names, key).add(h.thread().getName());
      merged.put(key, seen == null ? h
          : new Walk.Hit(seen.root(), seen.type(), seen.count() + h.count(), seen.bytes() + h.bytes(), seen.path(),
              seen.thread()));
    }
    Map<String, List<Walk.Hit>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Walk.Hit> e : merged.entrySet()) {
      Walk.Hit h = e.getValue();
      if (h.thread() != null) {
        h = new Walk.Hit(threadLabel(h, names.get(e.getKey())), h.type(), h.count(), h.bytes(), h.path(), h.thread());
      }
      OwnMaps.listIn(out, h.type()).add(h);
    }
    return out;
  }

  private static String threadLabel(Walk.Hit h, List<String> names) {
    String pattern = digitsAsN(h.thread().getName());
    StringBuilder label = new StringBuilder();
    if (names.size() == 1) {
      label.append("thread '").append(names.get(0)).append('\'');
    } else {
      label.append(names.size()).append(" threads '").append(pattern).append("' (")
          .append(String.join(", ", names.subList(0, Math.min(3, names.size()))))
          .append(names.size() > 3 ? ", ...)" : ")");
    }
    if (h.path().size() == 1) {
      // The thread is the suspect itself: where such threads wait says who started them.
      StackTraceElement[] frames = h.thread().getStackTrace();
      if (frames.length > 0) {
        label.append(" at ");
        for (int i = 0; i < Math.min(TOP_FRAMES, frames.length); i++) {
          label.append(i == 0 ? "" : " < ").append(frames[i].getClassName()).append('.')
              .append(frames[i].getMethodName());
        }
      }
    }
    return label.toString();
  }

  private static String rootKey(String label) {
    // thread labels carry names and frames that change between walks; their pattern does not
    if (!label.startsWith("thread '") && !isThreadsLabel(label)) {
      return label;
    }
    int quote = label.indexOf('\'');
    return "threads " + digitsAsN(label.substring(quote, label.indexOf('\'', quote + 1) + 1));
  }

  /** {@code 12 threads '...}: several threads named alike. */
  private static boolean isThreadsLabel(String label) {
    int i = 0;
    while (i < label.length() && label.charAt(i) >= '0' && label.charAt(i) <= '9') {
      i++;
    }
    return i > 0 && label.startsWith(" threads '", i);
  }

  /**
   * {@code pool-3-thread-7} becomes {@code pool-N-thread-N}. By hand, not with {@code replaceAll}:
   * the JDK's regex engine is code the host runs too (see OwnSort).
   */
  static String digitsAsN(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (!digit) {
        out.append(c);
      } else if (i == 0 || name.charAt(i - 1) < '0' || name.charAt(i - 1) > '9') {
        out.append('N');
      }
    }
    return out.toString();
  }

  /**
   * The roots of one type, the path whose bytes grow fastest first. A path no longer reached is kept
   * for {@value #STALE_WALKS} walks if it was among those reported: a host that shuts down (its pool
   * threads ended, its shutdown hooks running) drops what held the leak just before the final
   * report. Only the reported paths keep their labels between walks: the others' strings are JDK
   * objects that the census counts, and a type with many paths ({@code byte[]}) filled the history
   * with them slowly enough to read as growth.
   */
  private List<Holding> rank(long jobs, Target target, List<Holding> found) {
    Paths seen = paths(target.type());
    long totalBytes = 0;
    for (Holding h : found) {
      totalBytes += h.bytes();
    }
    Set<Long> keys = new HashSet<>();
    for (Holding h : found) {
      long key = hash64(rootKey(h.root()) + " -> " + h.path());
      keys.add(key);
      Seen s = seen.get(key);
      if (s == null) {
        // Not "none before": the path may have been cut from the history, or the walk cut short.
        seen.put(key, new Seen(key, jobs, h));
      } else {
        s.update(jobs, h);
      }
    }
    for (int i = seen.size - 1; i >= 0; i--) {
      Seen s = seen.at(i);
      if (!keys.contains(s.key) && (s.latest == null || ++s.missed > STALE_WALKS)) {
        seen.removeAt(i);
      }
    }
    List<Seen> ranked = seen.list();
    List<Holding> holdings = new ArrayList<>();
    for (Seen s : ranked) {
      s.ranked = s.holding(target.bytesPerJob(), totalBytes);
    }
    OwnSort.sort(ranked, GROWING_FIRST);
    while (ranked.size() > ROOTS_KEPT) {
      seen.remove(ranked.remove(ranked.size() - 1).key);
    }
    for (int i = 0; i < ranked.size(); i++) {
      Seen s = ranked.get(i);
      if (i < ROOTS_REPORTED) {
        holdings.add(s.ranked);
      } else {
        s.latest = null;
      }
      s.ranked = null;
    }
    return List.copyOf(holdings);
  }

  private Paths paths(String type) {
    for (int i = 0; i < histories; i++) {
      if (history[i].type.equals(type)) {
        return history[i];
      }
    }
    if (histories == history.length) {
      history = Arrays.copyOf(history, histories * 2);
    }
    Paths p = new Paths(type);
    history[histories++] = p;
    return p;
  }

  /** Forgets the types no longer explained. */
  private void retainHistories(Set<String> types) {
    int kept = 0;
    for (int i = 0; i < histories; i++) {
      if (types.contains(history[i].type)) {
        history[kept++] = history[i];
      }
    }
    Arrays.fill(history, kept, histories, null);
    histories = kept;
  }

  /** One type's paths, in an array of the agent's own type: the census leaves it out. */
  private static final class Paths {
    final String type;
    Seen[] seen = new Seen[8];
    int size;

    Paths(String type) {
      this.type = type;
    }

    Seen get(long key) {
      for (int i = 0; i < size; i++) {
        if (seen[i].key == key) {
          return seen[i];
        }
      }
      return null;
    }

    void put(long key, Seen s) {
      if (size == seen.length) {
        seen = Arrays.copyOf(seen, size * 2);
      }
      seen[size++] = s;
    }

    Seen at(int i) {
      return seen[i];
    }

    void removeAt(int i) {
      seen[i] = seen[--size];
      seen[size] = null;
    }

    void remove(long key) {
      for (int i = 0; i < size; i++) {
        if (seen[i].key == key) {
          removeAt(i);
          return;
        }
      }
    }

    List<Seen> list() {
      List<Seen> l = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        l.add(seen[i]);
      }
      return l;
    }
  }

  /** FNV-1a, 64 bits: 64 paths per type collide with odds of about 1 in 10^17. */
  static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * One path's first and highest figures. Growth is counted up to the highest figure seen: a
   * leak's only rises, and a drop is the host tearing down (or a bounded cache evicting, which then
   * reads as flat, as it should).
   */
  private static final class Seen {
    final long key;
    final long firstJobs;
    final long firstCount;
    final long firstBytes;
    long topCountJobs;
    long topCount;
    long topBytesJobs;
    long topBytes;
    Holding latest; // null once it is not among the reported: it then counts while it is reached
    Holding ranked; // only during rank
    long latestJobs;
    int missed;

    Seen(long key, long jobs, Holding h) {
      this.key = key;
      firstJobs = jobs;
      firstCount = h.instances();
      firstBytes = h.bytes();
      topCountJobs = jobs;
      topCount = h.instances();
      topBytesJobs = jobs;
      topBytes = h.bytes();
      latest = h;
      latestJobs = jobs;
    }

    void update(long jobs, Holding h) {
      if (h.instances() >= topCount) {
        topCountJobs = jobs;
        topCount = h.instances();
      }
      if (h.bytes() >= topBytes) {
        topBytesJobs = jobs;
        topBytes = h.bytes();
      }
      latest = h; // thread labels change between walks: the newest names the threads of now
      latestJobs = jobs;
      missed = 0;
    }

    /**
     * Before a second walk there is no growth: the path's share of what the walk reached, times the
     * suspect's figure, stands in for it.
     */
    Holding holding(double suspectBytesPerJob, long totalBytes) {
      boolean twice = latestJobs > firstJobs;
      double perJob = !twice ? Double.NaN
          : topCountJobs > firstJobs ? (double) (topCount - firstCount) / (topCountJobs - firstJobs) : 0;
      double bytesPerJob = twice
          ? (topBytesJobs > firstJobs ? (double) (topBytes - firstBytes) / (topBytesJobs - firstJobs) : 0)
          : totalBytes == 0 ? 0 : suspectBytesPerJob * latest.bytes() / totalBytes;
      long instances = missed == 0 ? latest.instances() : 0;
      long bytes = missed == 0 ? latest.bytes() : 0;
      return new Holding(latest.root(), latest.path(), instances, bytes, perJob, bytesPerJob, latestJobs);
    }
  }
}
