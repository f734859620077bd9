package dev.leakhunter.common;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.AccessibleObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Opens JDK modules to the agent without opening them to the host. The agent's classes live in the
 * class path's unnamed module, with the host's: opening {@code java.base} there would hand the host
 * deep access it did not ask for (libraries probe {@code setAccessible} to pick code paths). So
 * {@link PrivateOpener} is defined again in a loader of its own, and the packages are opened, through
 * {@link Instrumentation#redefineModule}, to that loader's module only. No {@code --add-opens}, and
 * no {@code sun.misc.Unsafe} (JDK 24+ print a warning into the host's stderr for it).
 */
public final class PrivateModules {

  private PrivateModules() {
  }

  /**
   * Opens every package of the named boot-layer modules (absent ones are skipped) to a new private
   * module, and returns that module's {@link PrivateOpener}: its {@code test} makes a member of
   * those packages accessible, and the member can then be used by any of the agent's classes.
   *
   * @throws Exception when the loader, the class or a module redefinition fails; nothing is opened
   *                   to the host either way
   */
  public static Predicate<AccessibleObject> open(Instrumentation inst, String... modules) throws Exception {
    Class<?> isolated = new IsolatingLoader().define(PrivateOpener.class.getName());
    Module target = isolated.getModule();
    for (String name : modules) {
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
    return opener;
  }

  private static final class IsolatingLoader extends ClassLoader {
    IsolatingLoader() {
      super("leakhunter-private-module", ClassLoader.getPlatformClassLoader());
    }

    Class<?> define(String name) throws Exception {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = PrivateModules.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("no " + resource + " in the agent jar");
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      }
    }
  }
}
