package dev.leakhunter.catalogue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Leak 4: each job defines a plugin class through a fresh class loader and keeps it. */
public final class ClassPerJob extends Fixture {
  static final List<Object> PLUGINS = new ArrayList<>();
  private static final byte[] PLUGIN_BYTES = bytes();

  /** The class defined anew per job; one class of this name per loader. */
  public static final class Plugin {
    public int apply(int x) {
      return x * 3;
    }
  }

  /** A loader per job, as a script engine or template compiler makes one. */
  static final class PluginLoader extends ClassLoader {
    PluginLoader(ClassLoader parent) {
      super(parent);
    }

    Class<?> define() {
      return defineClass(Plugin.class.getName(), PLUGIN_BYTES, 0, PLUGIN_BYTES.length);
    }
  }

  @Override
  public synchronized void job(int n) throws Exception {
    Class<?> plugin = new PluginLoader(ClassPerJob.class.getClassLoader()).define();
    PLUGINS.add(plugin.getDeclaredConstructor().newInstance());
    Work.sink += Work.transientWork(n, 20);
  }

  private static byte[] bytes() {
    String resource = "/" + Plugin.class.getName().replace('.', '/') + ".class";
    try (InputStream in = ClassPerJob.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
