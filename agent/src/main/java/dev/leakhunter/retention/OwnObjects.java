package dev.leakhunter.retention;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import dev.leakhunter.census.TypeNames;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The objects of the JDK's types that the agent itself holds: its lists, maps, strings and arrays,
 * reached from its own classes' statics through its own objects. A census counts them as the
 * host's ({@code java.util.ImmutableCollections$ListN} is everyone's type), and they change with
 * the hunt: one list of paths per root explained, one series per suspect, one report kept in
 * memory. Measured on the demo at {@code every=20}, 600 jobs: ~35 of the heap's ~80 {@code ListN}
 * were the agent's, in steps of +7 to +16 as explanations came, and 1 run in 20 read them as a
 * second leak. Counted just before each census and taken out of it, they are no longer the host's.
 *
 * <p>Only what is surely the agent's is counted, since what is counted is taken out of the host's
 * census and could hide a leak: the agent's own objects, and the JDK's plain data (strings, boxes,
 * collections, arrays) reached from them through nothing else. The walk stops at anything else:
 * an object of the host's classes, a class, a thread, a class loader, a reflective or method-handle
 * object, an MBean server; and it never follows {@code Reference.referent} (the agent holds the
 * host's objects only weakly). A JDK singleton the agent shares (the empty {@code List.of()}) is
 * counted once: a constant, which no slope sees.
 *
 * <p>Bounded: past {@link #MAX_OBJECTS} the walk gives up and nothing is taken out (the agent's
 * own state is a few thousand objects; more means it reached something it should not count).
 */
public final class OwnObjects {
  /** The most objects one count visits; the agent's own state is a few thousand. */
  public static final int MAX_OBJECTS = 200_000;
  private static final Set<String> JAVA_LANG_DATA = Set.of("java.lang.String", "java.lang.StringBuilder",
      "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Character",
      "java.lang.Boolean", "java.lang.Double", "java.lang.Float", "java.lang.Object");
  private static final Set<String> DATA_PACKAGES = Set.of("java.util", "java.util.concurrent",
      "java.util.concurrent.atomic", "java.util.concurrent.locks", "java.time");

  private final DeepAccess access;
  private final Predicate<String> ownType;
  private final ToLongFunction<Object> sizer;
  private final Supplier<Class<?>[]> loadedClasses;
  // Per class met: its reference fields, and whether its instances are counted. Grows with the
  // classes met (the agent's own and a few dozen of the JDK's), then stays.
  private final Map<Class<?>, Kind> kinds = new IdentityHashMap<>();
  private final List<Class<?>> ownClasses = new ArrayList<>();
  private int classesSeen = -1;

  /**
   * @param ownType       true for the agent's own types (Java-language names)
   * @param sizer         an object's shallow size ({@code Instrumentation.getObjectSize})
   * @param loadedClasses the JVM's loaded classes ({@code Instrumentation.getAllLoadedClasses})
   */
  public OwnObjects(DeepAccess access, Predicate<String> ownType, ToLongFunction<Object> sizer,
                    Supplier<Class<?>[]> loadedClasses) {
    this.access = access;
    this.ownType = ownType;
    this.sizer = sizer;
    this.loadedClasses = loadedClasses;
  }

  /**
   * The JDK-typed objects the agent holds now, by type, as census rows (instances, shallow bytes);
   * the agent's own types are left out (the census leaves them out already); null when the walk
   * gave up past {@link #MAX_OBJECTS}.
   *
   * @param loadedClassCount the JVM's loaded class count; the agent's classes are looked up again
   *                         when it changed
   * @param extraRoots       objects of the agent's held elsewhere (a JUnit test's stack)
   */
  public Histogram count(int loadedClassCount, Object... extraRoots) {
    if (loadedClassCount != classesSeen) {
      classesSeen = loadedClassCount;
      ownClasses.clear();
      for (Class<?> c : loadedClasses.get()) {
        if (!c.isArray() && !c.isHidden() && ownType.test(c.getName())) {
          ownClasses.add(c);
        }
      }
    }
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    ArrayList<Object> stack = new ArrayList<>();
    for (Class<?> c : ownClasses) {
      if (access.initialized(c)) {
        for (Field f : kind(c).statics) {
          push(readStatic(f), seen, stack);
        }
      }
    }
    for (Object o : extraRoots) {
      push(o, seen, stack);
    }
    Map<Class<?>, long[]> counted = new IdentityHashMap<>();
    while (!stack.isEmpty()) {
      if (seen.size() > MAX_OBJECTS) {
        return null;
      }
      Object o = stack.remove(stack.size() - 1);
      Class<?> type = o.getClass();
      Kind kind = kind(type);
      if (kind.counted) {
        long[] row = counted.get(type);
        if (row == null) {
          row = new long[2];
          counted.put(type, row);
        }
        row[0]++;
        row[1] += sizer.applyAsLong(o);
      }
      if (type.isArray()) {
        if (o instanceof Object[] elements) {
          for (Object e : elements) {
            push(e, seen, stack);
          }
        }
      } else {
        for (int i = 0; i < kind.fields.length; i++) {
          push(read(o, kind.fields[i], kind.offsets[i]), seen, stack);
        }
      }
    }
    List<HistogramRow> rows = new ArrayList<>(counted.size());
    long instances = 0;
    long bytes = 0;
    for (Map.Entry<Class<?>, long[]> e : counted.entrySet()) {
      long[] r = e.getValue();
      rows.add(new HistogramRow(TypeNames.toJavaName(e.getKey().getName()), r[0], r[1], 1));
      instances += r[0];
      bytes += r[1];
    }
    return new Histogram(rows, instances, bytes);
  }

  private void push(Object o, IdentityHashMap<Object, Boolean> seen, ArrayList<Object> stack) {
    if (o != null && followed(o.getClass()) && seen.put(o, Boolean.TRUE) == null) {
      stack.add(o);
    }
  }

  private boolean followed(Class<?> type) {
    return kinds.containsKey(type) || data(type) || ownType.test(type.getName());
  }

  private Object readStatic(Field f) {
    try {
      return access.readStatic(f);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  private Object read(Object holder, Field f, long offset) {
    try {
      return access.read(holder, f, offset);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  /** Only for the classes the walk follows: the agent's and the JDK's, which are never unloaded. */
  private Kind kind(Class<?> type) {
    Kind k = kinds.get(type);
    if (k == null) {
      k = new Kind(type);
      kinds.put(type, k);
    }
    return k;
  }

  /** What the walk does with a class's instances. */
  private final class Kind {
    final boolean counted;
    final Field[] fields;
    final long[] offsets;
    final Field[] statics;

    Kind(Class<?> type) {
      boolean own = !type.isArray() && ownType.test(type.getName());
      counted = !ownType.test(TypeNames.toJavaName(type.getName())); // the census leaves those out already
      List<Field> refs = new ArrayList<>();
      List<Field> staticRefs = new ArrayList<>();
      if (!type.isArray()) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field f : c.getDeclaredFields()) {
            if (f.getType().isPrimitive() || c == Reference.class && f.getName().equals("referent")) {
              continue;
            }
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            // Statics only of the agent's own class itself: its superclasses' are walked as theirs.
            if ((!isStatic || c == type && own) && access.makeAccessible(f)) {
              (isStatic ? staticRefs : refs).add(f);
            }
          }
        }
      }
      fields = refs.toArray(new Field[0]);
      statics = staticRefs.toArray(new Field[0]);
      offsets = new long[fields.length];
      for (int i = 0; i < fields.length; i++) {
        offsets[i] = access.offset(fields[i]);
      }
    }
  }

  /** True for the JDK's plain data: strings, boxes, collections, and arrays of anything. */
  private static boolean data(Class<?> type) {
    if (type.isArray()) {
      return true;
    }
    if (type.getClassLoader() != null || type.isHidden()) {
      return false;
    }
    String name = type.getName();
    return JAVA_LANG_DATA.contains(name) || DATA_PACKAGES.contains(type.getPackageName())
        && !Thread.class.isAssignableFrom(type);
  }
}
