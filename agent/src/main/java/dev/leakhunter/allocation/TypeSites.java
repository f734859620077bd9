package dev.leakhunter.allocation;

import dev.leakhunter.common.OwnSort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The allocation sites of one tracked type. Constructions are sampled: all of the first
 * {@value #FIRST}, then about {@value #FIRST} per doubling of the count (every 2nd up to 256, every
 * 4th up to 512, ...), so a million constructions cost about 1,000 stack walks. Each sample keeps
 * the instance weakly: a site whose sampled instances survive the census's full GC is where the
 * leak's instances come from, and a site whose instances all die is transient work.
 *
 * <p>A site's survivors are read right after each census ({@link #afterCensus}), and the most seen
 * alive at once is kept.
 *
 * <p>Bounded: at most {@value #MAX_SITES} sites, each with its latest {@value #KEPT_PER_SITE} samples.
 */
final class TypeSites {
  static final int FIRST = 64;
  static final int MAX_SITES = 32;
  static final int KEPT_PER_SITE = 32;
  static final int MAX_FRAMES = 4;
  /** Constructors of the type on top of the stack looked at: the chain, then the caller. */
  private static final int MAX_CHAIN = 4;

  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final Comparator<Site> MOST_SURVIVORS_FIRST = (a, b) -> {
    int survivors = Integer.compare(b.survivors(), a.survivors());
    return survivors != 0 ? survivors : Long.compare(b.sampled(), a.sampled());
  };
  private static final String OWN_PACKAGE = TypeSites.class.getPackageName() + ".";

  private final Class<?> type;
  private final String name;
  // Racy on purpose: a lost increment shifts the sampling a little, a lock would cost every construction.
  private long count;
  private final Map<String, Entry> sites = new HashMap<>();
  private int censuses;

  TypeSites(Class<?> type) {
    this.type = type;
    this.name = type.getName();
  }

  /**
   * One sampled construction, recorded nowhere: the first stack walk loads JDK classes and leaves
   * caches behind, which must happen before a baseline census, not while a suspect is followed.
   */
  static void exercise() {
    if (!exercised) {
      exercised = true;
      new TypeSites(Exercise.class).constructed(new Exercise());
    }
  }

  private static volatile boolean exercised;

  private static final class Exercise {
  }

  Class<?> type() {
    return type;
  }

  /**
   * The frames below the woven call. Iterated by hand, not with the stream's {@code dropWhile} and
   * {@code limit}: this runs on the host's threads, and stream stages are JIT profiles shared with
   * the host's own streams (see OwnSort).
   */
  private static List<StackWalker.StackFrame> topFrames(Stream<StackWalker.StackFrame> frames) {
    List<StackWalker.StackFrame> top = new ArrayList<>(MAX_FRAMES + MAX_CHAIN);
    for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext() && top.size() < MAX_FRAMES + MAX_CHAIN; ) {
      StackWalker.StackFrame f = it.next();
      if (!top.isEmpty() || !f.getClassName().startsWith(OWN_PACKAGE)) {
        top.add(f);
      }
    }
    return top;
  }

  String name() {
    return name;
  }

  void constructed(Object self) {
    long n = ++count;
    if (n > FIRST && (n & (Long.highestOneBit(n / FIRST) - 1)) != 0) {
      return;
    }
    List<StackWalker.StackFrame> top = WALKER.walk(TypeSites::topFrames);
    int constructors = 0;
    while (constructors < top.size() && isOwnConstructor(top.get(constructors))) {
      constructors++;
    }
    if (constructors > 1) {
      // A this(...) chain: every constructor in it has the woven call, and the outermost one, which
      // runs last, records this instance. (A constructor that constructs another instance of its
      // own type, a tree's child, is taken for a chain: that inner instance goes unsampled.)
      return;
    }
    List<String> frames = new ArrayList<>(MAX_FRAMES);
    for (int i = constructors; i < top.size() && frames.size() < MAX_FRAMES; i++) {
      frames.add(format(top.get(i)));
    }
    String key = String.join("\n", frames);
    synchronized (this) {
      Entry e = sites.get(key);
      if (e == null) {
        if (sites.size() >= MAX_SITES) {
          return; // bounded: a 33rd site is not recorded
        }
        e = new Entry(frames);
        sites.put(key, e);
      }
      e.add(self);
    }
  }

  private boolean isOwnConstructor(StackWalker.StackFrame f) {
    return f.getMethodName().equals("<init>") && f.getClassName().equals(name);
  }

  private static String format(StackWalker.StackFrame f) {
    String file = f.getFileName();
    int line = f.getLineNumber();
    return f.getClassName() + "." + f.getMethodName() + "("
        + (file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file) + ")";
  }

  /** Right after a census (a full GC): each site's samples that are alive now are held by something. */
  synchronized void afterCensus() {
    censuses++;
    for (Entry e : sites.values()) {
      e.survivors = Math.max(e.survivors, e.alive());
    }
  }

  synchronized List<Site> sites() {
    List<Site> out = new ArrayList<>(sites.size());
    for (Entry e : sites.values()) {
      // Before the first census since the type was followed (a run that ends right after it is
      // named), what is alive now is the best there is: no full GC has sorted the samples yet.
      out.add(new Site(e.frames, e.sampled, censuses == 0 ? e.alive() : e.survivors));
    }
    OwnSort.sort(out, MOST_SURVIVORS_FIRST);
    return out;
  }

  private static final class Entry {
    final List<String> frames;
    final SampleRef[] kept = new SampleRef[KEPT_PER_SITE];
    int next;
    long sampled;
    // The most samples seen alive right after a census: a host that tears down at exit lets go of
    // what it leaked, and the last census must not erase the evidence of the earlier ones.
    int survivors;

    Entry(List<String> frames) {
      this.frames = List.copyOf(frames);
    }

    void add(Object o) {
      sampled++;
      // Reuse a slot whose instance died before the oldest live one: survivors accumulate.
      int slot = next;
      for (int i = 0; i < kept.length; i++) {
        SampleRef r = kept[i];
        if (r == null || r.get() == null) {
          slot = i;
          break;
        }
      }
      kept[slot] = new SampleRef(o);
      if (slot == next) {
        next = (next + 1) % kept.length;
      }
    }

    int alive() {
      int alive = 0;
      for (SampleRef r : kept) {
        if (r != null && r.get() != null) {
          alive++;
        }
      }
      return alive;
    }
  }
}
