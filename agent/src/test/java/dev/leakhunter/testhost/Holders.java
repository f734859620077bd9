package dev.leakhunter.testhost;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** Small object graphs that hold {@link Payload}s the ways leaks do, outside the agent's packages. */
public final class Holders {

  private Holders() {
  }

  /** What is held. */
  public static final class Payload {
    final byte[] body = new byte[16];
  }

  /** Held by a thread's ThreadLocal map only. */
  public static final class LocalPayload {
  }

  /** Held by a static map. */
  public static final class StaticMap {
    public static final Map<String, Payload> CACHE = new HashMap<>();
  }

  /** A buffer that grows in place: the bytes grow, the instance count stays at one. */
  public static final class Buffer {
    public static byte[] data = new byte[0];
  }

  /** A job receiver with a list. */
  public static final class Receiver {
    public final List<Payload> items = new ArrayList<>();
  }

  /** The ThreadLocal of a thread that never clears it. */
  public static final class Locals {
    public static final ThreadLocal<LocalPayload> CURRENT = new ThreadLocal<>();
  }

  /** A thread that parks forever (until interrupted). */
  public static final class ParkedThread extends Thread {
    public ParkedThread(String name) {
      super(name);
      setDaemon(true);
    }

    @Override
    public void run() {
      waitHere();
    }

    private static void waitHere() {
      while (!Thread.currentThread().isInterrupted()) {
        LockSupport.park();
      }
    }
  }

  /** Starts a daemon thread that sets {@link Locals#CURRENT} and parks. */
  public static Thread threadWithLocal(String name) {
    Thread t = new Thread(() -> {
      Locals.CURRENT.set(new LocalPayload());
      while (!Thread.currentThread().isInterrupted()) {
        LockSupport.park();
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Keeps plugin instances, and so their classes and loaders. */
  public static final class Plugins {
    public static final List<Object> LOADED = new ArrayList<>();
  }

  /** Defined anew by each {@link PluginLoader}. */
  public static final class Plugin {
  }

  /** A child-first loader for {@link Plugin}, like a template or script engine's. */
  public static final class PluginLoader extends ClassLoader {
    public PluginLoader() {
      super("plugins", Holders.class.getClassLoader());
    }

    public Object newPlugin() throws Exception {
      String name = Plugin.class.getName();
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        byte[] b = in.readAllBytes();
        return defineClass(name, b, 0, b.length).getDeclaredConstructor().newInstance();
      }
    }
  }

  /** A template engine's loader: one per template, each compiling a class of its own generated name. */
  public static final class TemplateLoader extends ClassLoader {
    public TemplateLoader() {
      super("templates", Holders.class.getClassLoader());
    }

    /** An instance of {@code dev.leakhunter.testhost.tmpl.NAME}, a class made here with ASM. */
    public Object compile(String name) throws Exception {
      String internal = "dev/leakhunter/testhost/tmpl/" + name;
      org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_FRAMES);
      cw.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_PUBLIC, internal, null, "java/lang/Object", null);
      org.objectweb.asm.MethodVisitor init = cw.visitMethod(org.objectweb.asm.Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
      init.visitCode();
      init.visitVarInsn(org.objectweb.asm.Opcodes.ALOAD, 0);
      init.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      init.visitInsn(org.objectweb.asm.Opcodes.RETURN);
      init.visitMaxs(1, 1);
      init.visitEnd();
      cw.visitEnd();
      byte[] b = cw.toByteArray();
      return defineClass(internal.replace('/', '.'), b, 0, b.length).getDeclaredConstructor().newInstance();
    }
  }

  /** Threads, never started, each keeping payloads, held by a static list: a path through a thread. */
  public static final class Threads {
    public static final List<Keeper> HELD = new ArrayList<>();
  }

  public static final class Keeper extends Thread {
    public final List<Payload> kept = new ArrayList<>();

    public Keeper(String name) {
      super(name);
    }
  }
}
