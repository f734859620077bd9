package dev.leakhunter.retention;

import dev.leakhunter.census.TypeNames;
import dev.leakhunter.common.Faults;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A bounded breadth-first walk from all candidate roots at once, counting instances of the target
 * types and keeping one path to each.
 *
 * <p>Why not JOL's {@code GraphWalker}/{@code GraphStats}: they walk one root's whole graph with no
 * bound on objects or time and keep no parent links (so no path to a type), and their sizes go
 * through {@code sun.misc.Unsafe}'s memory methods, which print a warning on JDK 24+. Only the
 * target instances are sized here, by the JVM ({@code Instrumentation.getObjectSize}): a buffer that
 * grows in place, or 1 KiB chunks among many small {@code byte[]}s, have sizes no census average
 * tells.
 *
 * <p>All roots start together, so an object is counted under the root with the shortest path to
 * it (ties go to the earlier root: job receivers, then statics, registries, threads). An instance
 * of a job receiver's class met on the way (another worker's receiver, reached from its thread)
 * counts as a receiver too: its fields become the roots of what lies under them.
 *
 * <p>Edges: reference fields (not {@code Reference.referent}: weak, soft and phantom references do
 * not retain), array elements, and two the JVM keeps outside fields: an object's class when a
 * non-builtin loader defined it, and a class's loader. Class loaders' own fields are hidden from
 * reflection, so loaders are leaves. Instances of a target type whose class a non-builtin loader
 * defined are leaves as well: reflecting on a class caches data on it, and doing that for each
 * leaked class would be a growth the agent itself causes.
 *
 * <p>Everything the walk holds (identity set, queue) is garbage once it returns.
 */
final class Walker {

  private static final Object RECEIVER_MARK = new Object();
  // No reference fields worth following (a String is not one: its byte[] is often the suspect).
  private static final Set<String> LEAVES = Set.of("java.lang.Integer", "java.lang.Long",
      "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Double",
      "java.lang.Float", "java.math.BigInteger", "java.math.BigDecimal", "java.lang.Module");
  private static final String TL_ENTRY = "java.lang.ThreadLocal$ThreadLocalMap$Entry";
  private static final int CLOCK_EVERY = 1024;
  private static final int MAX_BRANCHES = 20_000;
  private static final int HOP_ELEMENT = 4095;
  private static final int HOP_CLASS = 4094;
  private static final int HOP_LOADER = 4093;

  /** The object at which a test's injected fault makes the walk fail (see Faults). */
  private static final long FAULT_AT = 100;
  private final DeepAccess access;
  private final Predicate<String> ownType;
  private final WalkLimits limits;
  private final ToLongFunction<Object> sizer;
  private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
  private final ClassLoader system = ClassLoader.getSystemClassLoader();

  Walker(DeepAccess access, Predicate<String> ownType, WalkLimits limits, ToLongFunction<Object> sizer) {
    this.access = access;
    this.ownType = ownType;
    this.limits = limits;
    this.sizer = sizer;
  }

  /**
   * @param roots         in order of preference
   * @param receivers     job receivers (their fields become roots)
   * @param targets       Java-language type names to count and find paths to
   * @param threadLocals  ThreadLocal instance -> the static field holding it, to name it in paths
   */
  Walk walk(List<Candidate> roots, List<Object> receivers, Set<String> targets, Map<Object, String> threadLocals) {
    return walk(roots, receivers, targets, threadLocals, NEVER);
  }

  /**
   * As above, but the walk gives up as soon as {@code abandon} says so (asked every
   * {@value #CLOCK_EVERY} objects, like the clock): a census due meanwhile must not wait for it,
   * nor count its identity set as the host's. An abandoned walk is {@link Walk#abandoned()}: its
   * counts are partial and must not be compared with a whole walk's.
   */
  Walk walk(List<Candidate> roots, List<Object> receivers, Set<String> targets, Map<Object, String> threadLocals,
            BooleanSupplier abandon) {
    return new Run(targets, receivers, threadLocals, abandon).run(roots, receivers);
  }

  private static final BooleanSupplier NEVER = () -> false;

  /** Marks an object met first as the value of root {@code index}. */
  private record RootMark(int index) {
  }

  private final class ClassInfo {
    int id;
    final String name;
    // The name in paths: a generated class's counter collapsed (GeneratedNames), so that one class
    // per job is one hop, as one class per loader is.
    final String hopName;
    final boolean skip;
    final boolean leaf;
    final boolean classEdge;
    final boolean receiver;
    final int target;
    Field[] fields;
    long[] offsets;

    ClassInfo(Class<?> type, List<String> targets, Set<Class<?>> receiverClasses) {
      name = TypeNames.toJavaName(type.getName());
      hopName = GeneratedNames.collapse(name);
      target = targets.indexOf(name);
      skip = ownType.test(name);
      receiver = receiverClasses.contains(type);
      boolean custom = !builtin(type.getClassLoader());
      classEdge = custom && !type.isArray();
      leaf = LEAVES.contains(name) || ClassLoader.class.isAssignableFrom(type)
          || (type.isArray() && type.getComponentType().isPrimitive())
          || (target >= 0 && custom && !type.isArray());
    }

    Field[] fields(Class<?> type) {
      if (fields == null) {
        List<Field> refs = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()
                && !(c == Reference.class && f.getName().equals("referent"))
                && access.makeAccessible(f)) {
              refs.add(f);
            }
          }
        }
        fields = refs.toArray(new Field[0]);
        offsets = new long[fields.length];
        for (int k = 0; k < fields.length; k++) {
          offsets[k] = access.offset(fields[k]);
        }
      }
      return fields;
    }
  }

  boolean builtin(ClassLoader loader) {
    return loader == null || loader == platform || loader == system;
  }

  private final class Run {
    final List<String> targets;
    final Map<Object, String> threadLocals;
    final Set<Class<?>> receiverClasses = Collections.newSetFromMap(new IdentityHashMap<>());
    final IdentityHashMap<Class<?>, ClassInfo> classes = new IdentityHashMap<>();
    final Map<String, Integer> ids = new HashMap<>();
    // object -> the object it was reached from, or its RootMark
    final IdentityHashMap<Object, Object> parents = new IdentityHashMap<>();
    final List<String> labels = new ArrayList<>();
    final Map<String, Integer> indexOf = new HashMap<>();
    final List<Thread> threads = new ArrayList<>();
    final List<Integer> rootBranch = new ArrayList<>();
    int[] perRoot = new int[16];
    boolean[] cut = new boolean[16];
    // A branch is the shape of a path from a root: its hops (holder class, field), with a run of
    // hops through one class (a linked list's next, a tree's left/right) kept as its last hop.
    // Counts are per branch, so two ways down from one root (a cache and a queue under one
    // receiver field) are told apart.
    final Map<Long, Integer> branchOf = new HashMap<>();
    int[] branchRoot = new int[64];
    int[] branchParent = new int[64];
    int[] branchHolder = new int[64];
    int[] branchHop = new int[64];
    ClassInfo[] branchInfo = new ClassInfo[64];
    int branches;
    long[][] counts = new long[64][];
    long[][] sizes = new long[64][];
    Object[][] firsts = new Object[64][];
    Object[] queue = new Object[1024];
    int[] queueBranch = new int[1024];
    int head;
    int tail;
    int visited;
    final long started = System.nanoTime();
    String stopped;

    final BooleanSupplier abandon;
    boolean abandoned;

    Run(Set<String> targets, List<Object> receivers, Map<Object, String> threadLocals, BooleanSupplier abandon) {
      this.abandon = abandon;
      this.targets = new ArrayList<>(targets);
      this.threadLocals = threadLocals;
      for (Object r : receivers) {
        receiverClasses.add(r.getClass());
      }
    }

    Walk run(List<Candidate> roots, List<Object> receivers) {
      int receiversRoot = root("(job receivers)", null);
      for (Object r : receivers) {
        offer(r, RECEIVER_MARK, rootBranch.get(receiversRoot));
      }
      for (Candidate c : roots) {
        int index = root(c.label(), c.value() instanceof Thread ? (Thread) c.value() : null);
        offer(c.value(), new RootMark(index), rootBranch.get(index));
      }
      while (head < tail && stopped == null) {
        Object o = queue[head];
        int b = queueBranch[head];
        queue[head++] = null;
        expand(o, b);
        if ((head & (CLOCK_EVERY - 1)) == 0) {
          if (abandon.getAsBoolean()) {
            abandoned = true;
            stopped = "the walk was abandoned after " + visited + " objects for a census";
          } else if (System.nanoTime() - started > limits.maxNanos()) {
            stopped = "the walk stopped at its time cap (" + limits.maxNanos() / 1_000_000 + " ms) after "
                + visited + " objects; roots and counts are partial";
          }
        }
      }
      return result();
    }

    int root(String label, Thread thread) {
      Integer known = indexOf.get(label);
      if (known != null) {
        return known;
      }
      int index = labels.size();
      labels.add(label);
      threads.add(thread);
      indexOf.put(label, index);
      if (index == perRoot.length) {
        perRoot = Arrays.copyOf(perRoot, index * 2);
        cut = Arrays.copyOf(cut, index * 2);
      }
      rootBranch.add(newBranch(index, -1, null, -1));
      return index;
    }

    int newBranch(int root, int parent, ClassInfo holder, int hop) {
      if (branches == branchRoot.length) {
        int n = branches * 2;
        branchRoot = Arrays.copyOf(branchRoot, n);
        branchParent = Arrays.copyOf(branchParent, n);
        branchHolder = Arrays.copyOf(branchHolder, n);
        branchHop = Arrays.copyOf(branchHop, n);
        branchInfo = Arrays.copyOf(branchInfo, n);
        counts = Arrays.copyOf(counts, n);
        sizes = Arrays.copyOf(sizes, n);
        firsts = Arrays.copyOf(firsts, n);
      }
      branchRoot[branches] = root;
      branchParent[branches] = parent;
      branchHolder[branches] = holder == null ? -1 : holder.id;
      branchInfo[branches] = holder;
      branchHop[branches] = hop;
      return branches++;
    }

    /** The branch of a child reached from {@code branch} through hop {@code hop} of class {@code holder}. */
    int extend(int branch, ClassInfo holder, int hop) {
      int base = branchHolder[branch] == holder.id ? branchParent[branch] : branch;
      long key = ((long) base << 32) | ((long) holder.id << 12) | hop;
      Integer known = branchOf.get(key);
      if (known != null) {
        return known;
      }
      if (branches >= MAX_BRANCHES) {
        return branch;
      }
      int b = newBranch(branchRoot[branch], base, holder, hop);
      branchOf.put(key, b);
      return b;
    }

    ClassInfo info(Class<?> type) {
      ClassInfo i = classes.get(type);
      if (i == null) {
        i = new ClassInfo(type, targets, receiverClasses);
        // by name: a class defined again by each of many loaders is one hop, not one per loader,
        // and so is a class generated anew per job (Tpl0000105, Tpl0000106: Tpl*)
        Integer id = ids.putIfAbsent(i.hopName, ids.size());
        i.id = id == null ? ids.size() - 1 : id;
        classes.put(type, i);
      }
      return i;
    }

    void offer(Object o, Object from, int branch) {
      if (o == null || stopped != null || parents.containsKey(o)) {
        return;
      }
      ClassInfo info = info(o.getClass());
      // the agent's own objects are not the host's leak (a receiver or a target is taken as given)
      if (info.skip && from != RECEIVER_MARK && info.target < 0) {
        return;
      }
      if (o instanceof Thread t && Roots.agentThread(t)) {
        return;
      }
      if (visited >= limits.maxObjects()) {
        stopped = "the walk stopped at its cap of " + limits.maxObjects() + " objects; roots and counts are partial";
        return;
      }
      parents.put(o, from);
      if (++visited == FAULT_AT) {
        Faults.at(Faults.WALK); // a test's injected fault: an object the walk cannot read
      }
      if (info.target >= 0) {
        if (counts[branch] == null) {
          counts[branch] = new long[targets.size()];
          sizes[branch] = new long[targets.size()];
          firsts[branch] = new Object[targets.size()];
        }
        if (counts[branch][info.target]++ == 0) {
          firsts[branch][info.target] = o;
        }
        sizes[branch][info.target] += sizer.applyAsLong(o);
      }
      int root = branchRoot[branch];
      if (++perRoot[root] > limits.maxPerRoot()) {
        cut[root] = true;
        return;
      }
      if (!info.leaf || info.classEdge || o instanceof Class) {
        if (tail == queue.length) {
          compact();
        }
        queue[tail] = o;
        queueBranch[tail++] = branch;
      }
    }

    void compact() {
      int live = tail - head;
      if (head > queue.length / 2) {
        System.arraycopy(queue, head, queue, 0, live);
        System.arraycopy(queueBranch, head, queueBranch, 0, live);
        Arrays.fill(queue, live, tail, null);
      } else {
        queue = Arrays.copyOfRange(queue, head, head + queue.length * 2);
        queueBranch = Arrays.copyOfRange(queueBranch, head, head + queueBranch.length * 2);
      }
      head = 0;
      tail = live;
    }

    void expand(Object o, int branch) {
      if (o instanceof Class) {
        ClassLoader loader = ((Class<?>) o).getClassLoader();
        if (!builtin(loader)) {
          offer(loader, o, extend(branch, info(Class.class), HOP_LOADER));
        }
        return;
      }
      Class<?> type = o.getClass();
      ClassInfo info = info(type);
      if (type.isArray()) {
        int b = extend(branch, info, HOP_ELEMENT);
        for (Object e : (Object[]) o) {
          offer(e, o, b);
        }
        return;
      }
      if (info.classEdge) {
        offer(type, o, extend(branch, info, HOP_CLASS));
      }
      if (info.leaf) {
        return;
      }
      Field[] fields = info.fields(type);
      for (int k = 0; k < fields.length; k++) {
        Object v;
        try {
          v = access.read(o, fields[k], info.offsets[k]);
        } catch (IllegalAccessException | RuntimeException e) {
          continue;
        }
        if (v == null) {
          continue;
        }
        if (info.receiver) {
          int r = root(info.name + "." + fields[k].getName() + " (job receiver)", null);
          offer(v, new RootMark(r), rootBranch.get(r));
        } else {
          offer(v, o, extend(branch, info, Math.min(k, HOP_LOADER - 1)));
        }
      }
    }

    Walk result() {
      List<Walk.Hit> hits = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (int r = 0; r < labels.size(); r++) {
        if (cut[r]) {
          notes.add(labels.get(r) + " was cut off after " + limits.maxPerRoot() + " objects");
        }
      }
      for (int b = 0; b < branches; b++) {
        if (counts[b] == null) {
          continue;
        }
        int r = branchRoot[b];
        for (int t = 0; t < targets.size(); t++) {
          if (counts[b][t] > 0) {
            hits.add(new Walk.Hit(labels.get(r), targets.get(t), counts[b][t], sizes[b][t], path(b, firsts[b][t]),
                threads.get(r)));
          }
        }
      }
      if (branches >= MAX_BRANCHES) {
        notes.add("more than " + MAX_BRANCHES + " distinct paths: later ones were counted with their parent path");
      }
      if (stopped != null) {
        notes.add(stopped);
      }
      return new Walk(hits, visited, System.nanoTime() - started, notes, abandoned);
    }

    /**
     * Root value first, the target last: "Holder.field" per hop of the branch (so the same for
     * every walk, whatever the objects do meanwhile), then the type. A hop out of a ThreadLocal
     * map names the static field of the ThreadLocal, found on the example object's chain.
     */
    List<String> path(int branch, Object example) {
      List<String> path = new ArrayList<>();
      for (int b = branch; b >= 0 && branchInfo[b] != null; b = branchParent[b]) {
        path.add(hop(b, example));
      }
      Collections.reverse(path);
      path.add(name(example));
      return path;
    }

    String hop(int b, Object example) {
      ClassInfo holder = branchInfo[b];
      int hop = branchHop[b];
      if (hop == HOP_ELEMENT) {
        return holder.hopName;
      }
      if (hop == HOP_CLASS) {
        return holder.hopName + ".<class>";
      }
      if (hop == HOP_LOADER) {
        int p = branchParent[b];
        return p >= 0 && branchInfo[p] != null && branchHop[p] == HOP_CLASS
            ? "java.lang.Class(" + branchInfo[p].hopName + ").<loader>" : "java.lang.Class.<loader>";
      }
      String label = holder.hopName + "." + holder.fields[hop].getName();
      if (holder.name.equals(TL_ENTRY)) {
        label += threadLocalOf(example);
      }
      return label;
    }

    String threadLocalOf(Object example) {
      for (Object at = parents.get(example); at != null && !(at instanceof RootMark); at = parents.get(at)) {
        if (at instanceof Reference && info(at.getClass()).name.equals(TL_ENTRY)) {
          String field = threadLocals.get(((Reference<?>) at).get());
          return field != null ? " (ThreadLocal " + field + ")" : " (a ThreadLocal no static field holds)";
        }
      }
      return "";
    }

    String name(Object o) {
      return o instanceof Class ? "java.lang.Class" : info(o.getClass()).name;
    }

    String name(Class<?> c) {
      return TypeNames.toJavaName(c.getName());
    }
  }
}
