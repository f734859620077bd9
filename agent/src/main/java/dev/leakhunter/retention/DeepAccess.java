package dev.leakhunter.retention;

import dev.leakhunter.common.PrivateModules;
import dev.leakhunter.common.PrivateOpener;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Predicate;

/**
 * Deep reflective access for the walker, without {@code --add-opens} and without
 * {@code sun.misc.Unsafe} (JDK 24+ print a warning into the host's stderr for its memory methods).
 *
 * <p>The JDK's packages are opened to a private module of the agent's, not to the class path that
 * the agent shares with the host (see {@link PrivateModules}).
 *
 * <p>Fields are read through {@code jdk.internal.misc.Unsafe} when it is reachable, not through
 * {@link Field#get}: since JDK 18 core reflection reads each field through a method handle of its
 * own, and a method handle invoked often enough is customized, i.e. compiled into a class of its
 * own. Repeated walks then load JDK classes ({@code Class}, {@code LambdaForm},
 * {@code ResolvedMethodName}) a few at a time as more fields cross that threshold: measured on
 * JDK 25 as +0.1 {@code Class} per job during a leak hunt, a growth the agent caused and then
 * reported. Four method handles, customized once, cost a fixed four classes instead.
 */
public final class DeepAccess {

  // Modules whose objects real leaks go through: collections, threads, futures, JUL handlers, the
  // platform MBean server's registry.
  private static final String[] MODULES = {"java.base", "java.logging", "java.management"};

  private final Predicate<AccessibleObject> opener;
  private final boolean deep;
  private final Method shouldBeInitialized;
  private final Object unsafe;
  private final MethodHandle objectFieldOffset; // (Field)long, or null: read through Field.get
  private final MethodHandle staticFieldBase;   // (Field)Object
  private final MethodHandle staticFieldOffset; // (Field)long
  private final MethodHandle getReference;      // (Object, long)Object

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
    MethodHandle[] reads = instance == null ? null : unsafeReads(instance);
    this.objectFieldOffset = reads == null ? null : reads[0];
    this.staticFieldBase = reads == null ? null : reads[1];
    this.staticFieldOffset = reads == null ? null : reads[2];
    this.getReference = reads == null ? null : reads[3];
  }

  private MethodHandle[] unsafeReads(Object unsafe) {
    try {
      Class<?> type = unsafe.getClass();
      Method[] methods = {type.getMethod("objectFieldOffset", Field.class),
          type.getMethod("staticFieldBase", Field.class), type.getMethod("staticFieldOffset", Field.class),
          type.getMethod("getReference", Object.class, long.class)};
      MethodHandle[] handles = new MethodHandle[methods.length];
      for (int i = 0; i < methods.length; i++) {
        if (!opener.test(methods[i])) {
          return null;
        }
        handles[i] = MethodHandles.lookup().unreflect(methods[i]).bindTo(unsafe);
      }
      return handles;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Opens the JDK to a private module (see {@link PrivateModules}); falls back to plain access on failure. */
  public static DeepAccess open(Instrumentation inst) {
    try {
      return new DeepAccess(PrivateModules.open(inst, MODULES), true);
    } catch (Throwable t) {
      return shallow();
    }
  }

  /** Access to what the class path may reflect on anyway: the host's classes, not the JDK's internals. */
  public static DeepAccess shallow() {
    return new DeepAccess(new PrivateOpener(), false);
  }

  /** True when the JDK's packages were opened (fields of {@code ArrayList}, {@code Thread}... readable). */
  public boolean deep() {
    return deep;
  }

  boolean makeAccessible(AccessibleObject member) {
    return opener.test(member);
  }

  /**
   * Where a made-accessible instance field lies in its objects, for {@link #read(Object, Field, long)};
   * -1 when fields are read through reflection.
   */
  long offset(Field field) {
    if (objectFieldOffset == null) {
      return -1;
    }
    try {
      return (long) objectFieldOffset.invokeExact(field);
    } catch (Throwable e) {
      return -1;
    }
  }

  /** The value of a made-accessible reference field of {@code holder} at {@code offset} (from {@link #offset}). */
  Object read(Object holder, Field field, long offset) throws IllegalAccessException {
    if (offset < 0) {
      return field.get(holder);
    }
    try {
      return (Object) getReference.invokeExact(holder, offset);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of a made-accessible static reference field. */
  Object readStatic(Field field) throws IllegalAccessException {
    if (staticFieldBase == null || field.getType().isPrimitive()) {
      return field.get(null);
    }
    try {
      Object base = (Object) staticFieldBase.invokeExact(field);
      long offset = (long) staticFieldOffset.invokeExact(field);
      return (Object) getReference.invokeExact(base, offset);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
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
}
