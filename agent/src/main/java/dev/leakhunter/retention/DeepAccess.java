package dev.leakhunter.retention;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Deep reflective access for the walker, without {@code --add-opens} and without
 * {@code sun.misc.Unsafe} (JDK 24+ print a warning into the host's stderr for its memory methods).
 *
 * <p>The agent's classes live in the class path's unnamed module, with the host's. Opening
 * {@code java.base} to that module would hand the host deep access it did not ask for (libraries
 * probe {@code setAccessible} to pick code paths). So {@link DeepOpener} is defined again in a loader
 * of its own, and the JDK's packages are opened to that loader's module only, through
 * {@link Instrumentation#redefineModule}. {@code setAccessible} checks its caller, which is then
 * that copy.
 */
public final class DeepAccess {

  // Modules whose objects real leaks go through: collections, threads, futures, JUL handlers.
  private static final String[] MODULES = {"java.base", "java.logging"};

  private final Predicate<AccessibleObject> opener;
  private final boolean deep;
  private final Method shouldBeInitialized;
  private final Object unsafe;

  private DeepAccess(Predicate<AccessibleObject> opener, boolean deep) {
    this.opener = opener;
    this.deep = deep;
    Method check = null;
    Object instance = null;
    try {
      // jdk.internal.misc.Unsafe (not sun.misc): the only way to ask whether a class is
      // initialized without initializing it, and reading a static does initialize it.
      Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
      Method get = type.getMethod("getUnsafe");
      Method should = type.getMethod("shouldBeInitialized", Class.class);
      if (opener.test(get) && opener.test(should)) {
        instance = get.invoke(null);
        check = should;
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      check = null;
    }
    this.shouldBeInitialized = check;
    this.unsafe = instance;
  }

  /** Opens the JDK to a private copy of {@link DeepOpener}; falls back to plain access on failure. */
  public static DeepAccess open(Instrumentation inst) {
    try {
      Class<?> isolated = new IsolatingLoader().define(DeepOpener.class.getName());
      Module target = isolated.getModule();
      for (String name : MODULES) {
        Module module = ModuleLayer.boot().findModule(name).orElse(null);
        if (module == null) {
          continue;
        }
        Map<String, Set<Module>> opens = new HashMap<>();
        for (String pkg : module.getPackages()) {
          opens.put(pkg, Set.of(target));
        }
        inst.redefineModule(module, Set.of(), Map.of(), opens, Set.of(), Map.of());
      }
      @SuppressWarnings("unchecked")
      Predicate<AccessibleObject> opener =
          (Predicate<AccessibleObject>) isolated.getDeclaredConstructor().newInstance();
      return new DeepAccess(opener, true);
    } catch (Throwable t) {
      return shallow();
    }
  }

  /** Access to what the class path may reflect on anyway: the host's classes, not the JDK's internals. */
  public static DeepAccess shallow() {
    return new DeepAccess(new DeepOpener(), false);
  }

  /** True when the JDK's packages were opened (fields of {@code ArrayList}, {@code Thread}... readable). */
  public boolean deep() {
    return deep;
  }

  boolean makeAccessible(AccessibleObject member) {
    return opener.test(member);
  }

  /**
   * True when {@code type}'s static initializer has run (reading its statics is then free of side
   * effects); false when unknown, so that the walker never runs a host's class initializer.
   */
  boolean initialized(Class<?> type) {
    if (shouldBeInitialized == null) {
      return false;
    }
    try {
      return !(Boolean) shouldBeInitialized.invoke(unsafe, type);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Defines one class of the agent jar again, child-first, so that it gets a module of its own. */
  private static final class IsolatingLoader extends ClassLoader {
    IsolatingLoader() {
      super("leakhunter-deep-access", ClassLoader.getPlatformClassLoader());
    }

    Class<?> define(String name) throws Exception {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = DeepAccess.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("no " + resource + " in the agent jar");
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      }
    }
  }
}
