package dev.leakhunter.retention;

import dev.leakhunter.census.TypeNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The candidate roots of one walk, in order of preference: statics of the application's classes,
 * then the JDK registries real leaks go through, then live threads. (Job receivers are handed to
 * the walker apart: their fields are the roots.)
 *
 * <p>Only classes whose static initializer has already run are read: reading a static would run
 * it, on the agent's thread and out of the host's order.
 */
final class Roots {

  /**
   * JDK statics that per-job leaks are known to go through: shutdown hooks, delete-on-exit, the
   * platform MBean server (an MBean registered per connection or cache and never unregistered).
   */
  static final List<String[]> JDK_REGISTRIES = List.of(
      new String[] {"java.lang.ApplicationShutdownHooks", "hooks"},
      new String[] {"java.io.DeleteOnExitHook", "files"},
      new String[] {"java.lang.management.ManagementFactory", "platformMBeanServer"});
  private static final String JUL_MANAGER = "java.util.logging.LogManager";
  private static final int MAX_LOGGERS = 1_000;

  private final List<Candidate> candidates = new ArrayList<>();
  // ThreadLocal instances held in statics, for naming them in paths through a thread's map
  private final Map<Object, String> threadLocals = new IdentityHashMap<>();

  private Roots() {
  }

  /**
   * @param loaded   all loaded classes ({@code Instrumentation.getAllLoadedClasses()})
   * @param skip     classes not to read statics of, by Java-language name: the agent's own and the
   *                 target types (a leaked class is counted, it does not hold itself)
   */
  static Roots collect(Class<?>[] loaded, DeepAccess access, Predicate<String> skip, Set<String> threadNamesToSkip) {
    Roots roots = new Roots();
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    for (Class<?> type : loaded) {
      ClassLoader loader = type.getClassLoader();
      if (loader == null || loader == platform || type.isArray() || type.isPrimitive() || type.isHidden()) {
        continue;
      }
      String name = TypeNames.toJavaName(type.getName());
      if (skip.test(name) || !access.initialized(type)) {
        continue;
      }
      roots.statics(type, name, access);
    }
    for (Class<?> type : loaded) {
      if (type.getClassLoader() == null) {
        for (String[] registry : JDK_REGISTRIES) {
          if (type.getName().equals(registry[0]) && access.initialized(type)) {
            roots.staticField(type, registry[1], access);
          }
        }
        if (type.getName().equals(JUL_MANAGER) && access.initialized(type)) {
          roots.julHandlers();
        }
      }
    }
    for (Thread t : liveThreads()) {
      if (t != null && t != Thread.currentThread() && !threadNamesToSkip.contains(t.getName())
          && !agentThread(t)) {
        roots.candidates.add(new Candidate("thread '" + t.getName() + "'", t));
      }
    }
    return roots;
  }

  /**
   * The agent's own threads (its sampler, explainer, shutdown hook): no root, and no hop either. A
   * walk that meets one through the host's objects (the shutdown-hook table holds the agent's hook,
   * whose thread group lists every thread) would read its thread-locals (the NIO buffer cache the
   * report writes fill) as the host's.
   */
  static boolean agentThread(Thread t) {
    return t.getName().startsWith("leakhunter-");
  }

  private void statics(Class<?> type, String name, DeepAccess access) {
    Field[] fields;
    try {
      fields = type.getDeclaredFields();
    } catch (Throwable e) {
      return; // a class whose field types cannot be resolved: not a root we can read
    }
    for (Field f : fields) {
      if (Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
        read(f, "static " + name + "." + f.getName(), access);
      }
    }
  }

  private void staticField(Class<?> type, String field, DeepAccess access) {
    try {
      read(type.getDeclaredField(field), "static " + type.getName() + "." + field, access);
    } catch (NoSuchFieldException | RuntimeException e) {
      // another JDK's layout: that registry is not a root here
    }
  }

  private void read(Field f, String label, DeepAccess access) {
    if (!access.makeAccessible(f)) {
      return;
    }
    try {
      Object value = access.readStatic(f);
      if (value != null) {
        candidates.add(new Candidate(label, value));
        if (value instanceof ThreadLocal) {
          threadLocals.putIfAbsent(value, label.substring("static ".length()));
        }
      }
    } catch (IllegalAccessException | RuntimeException | LinkageError e) {
      // unreadable: skipped
    }
  }

  private void julHandlers() {
    try {
      LogManager manager = LogManager.getLogManager();
      var names = manager.getLoggerNames();
      for (int i = 0; i < MAX_LOGGERS && names.hasMoreElements(); i++) {
        String name = names.nextElement();
        Logger logger = manager.getLogger(name);
        Handler[] handlers = logger == null ? new Handler[0] : logger.getHandlers();
        if (handlers.length > 0) {
          candidates.add(new Candidate("JUL logger '" + name + "' handlers", handlers));
        }
      }
    } catch (RuntimeException e) {
      // a LogManager replaced by the host that does not behave: its handlers are not roots
    }
  }

  private static Thread[] liveThreads() {
    ThreadGroup group = Thread.currentThread().getThreadGroup();
    while (group.getParent() != null) {
      group = group.getParent();
    }
    Thread[] threads = new Thread[Math.max(16, group.activeCount() * 2)];
    int n = group.enumerate(threads, true);
    return java.util.Arrays.copyOf(threads, n);
  }

  static Roots none() {
    return new Roots();
  }

  List<Candidate> candidates() {
    return candidates;
  }

  Map<Object, String> threadLocals() {
    return threadLocals;
  }
}
