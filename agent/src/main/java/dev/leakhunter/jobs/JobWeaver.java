package dev.leakhunter.jobs;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The job-boundary transformer. It runs on every class the host loads, so the common case is
 * short: JDK loaders and the agent's own classes are refused by their loader and name, every
 * other class by its header (its name, superclass and interfaces, read without parsing a method;
 * see {@link JobTypes}). Only a class that a pattern matches is parsed and rewritten (by
 * {@link JobMethodWeaver}).
 *
 * <p>Plain ASM, not Byte Buddy's AgentBuilder: installing that loaded some 900 classes and ran
 * its matchers on every class load while the host's code was being compiled, which measurably
 * slowed the host (docs/performance.md). Whatever fails is reported and leaves the class as it was.
 */
final class JobWeaver implements ClassFileTransformer {

  private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();
  private static final String AGENT_PREFIX = "dev/leakhunter/";

  // Set while this thread weaves: reading a supertype's class file may make a loader load a class
  // of its own, which comes back here; that class is not a job class and loads as it is, rather
  // than risk a class circularity error.
  private static final ThreadLocal<Boolean> WEAVING = new ThreadLocal<>();

  // The first class file version that ASM refused as too new; classes from it on are passed over.
  private volatile int tooNew = Integer.MAX_VALUE;

  private final JobTypes types;
  private final String[] methodGlobs;
  private final Predicate<String> isAgentClass;
  private final JobInstrumentation.Events events;

  JobWeaver(List<JobPattern> patterns, Predicate<String> isAgentClass, JobInstrumentation.Events events) {
    this.types = new JobTypes(patterns);
    this.methodGlobs = new String[patterns.size()];
    for (int i = 0; i < methodGlobs.length; i++) {
      methodGlobs[i] = patterns.get(i).method();
    }
    this.isAgentClass = isAgentClass;
    this.events = events;
  }

  JobTypes types() {
    return types;
  }

  /**
   * True for a class whose loader may get job advice: not the JDK's (their classes cannot see the
   * agent's JobTracker) and not the agent's own (it would count its own work as jobs).
   */
  boolean eligible(ClassLoader loader, String internalName) {
    if (loader == null || loader == PLATFORM || internalName == null) {
      return false;
    }
    return !(internalName.startsWith(AGENT_PREFIX) && isAgentClass.test(internalName.replace('/', '.')));
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                          ProtectionDomain domain, byte[] bytes) {
    if (!eligible(loader, className) || WEAVING.get() != null) {
      return null;
    }
    WEAVING.set(Boolean.TRUE);
    try {
      return weave(loader, className, classBeingRedefined, bytes);
    } catch (Throwable t) {
      events.failed(className.replace('/', '.'), t);
      return null; // the class loads as it was
    } finally {
      WEAVING.remove();
    }
  }

  private byte[] weave(ClassLoader loader, String className, Class<?> redefined, byte[] bytes) {
    int major = bytes.length < 8 ? 0 : (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff);
    if (major >= tooNew) {
      return null; // said once, for the first such class
    }
    ClassReader reader;
    try {
      reader = new ClassReader(bytes);
    } catch (IllegalArgumentException e) {
      if (major <= Opcodes.V17) {
        throw e; // a broken class file, not a new one
      }
      // A JDK newer than this agent's ASM: every class of that version would fail the same way.
      tooNew = Math.min(tooNew, major);
      throw new IllegalStateException("class file version " + major + " is newer than this agent's ASM reads;"
          + " no class of that version or later gets job boundaries (a newer leakhunter will)", e);
    }
    long mask = redefined != null ? types.of(redefined)
        : types.of(className, reader.getSuperName(), reader.getInterfaces(), loader);
    if (mask == 0) {
      return null;
    }
    Map<String, Integer> jobMethods = jobMethods(reader, mask);
    if (jobMethods.isEmpty()) {
      return null; // a job type whose job methods are all inherited or abstract
    }
    if (!seesTracker(loader)) {
      throw new IllegalStateException("its class loader does not see the agent's classes"
          + " (they are on the system class path); a loader that does not delegate to it cannot have job advice");
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean frames = reader.readUnsignedShort(6) >= Opcodes.V1_6;
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                       String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        Integer maxLocals = jobMethods.get(name + descriptor);
        return maxLocals == null ? next
            : new JobMethodWeaver(next, className, (access & Opcodes.ACC_STATIC) != 0, maxLocals, frames);
      }
    }, ClassReader.EXPAND_FRAMES);
    byte[] woven = writer.toByteArray();
    events.instrumented(className.replace('/', '.'));
    return woven;
  }

  /** The job methods of the class (name + descriptor) and their maxLocals, from a first pass. */
  private Map<String, Integer> jobMethods(ClassReader reader, long mask) {
    Map<String, Integer> found = new HashMap<>();
    reader.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                       String[] exceptions) {
        if (!isJobMethod(access, name, mask)) {
          return null;
        }
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitMaxs(int maxStack, int maxLocals) {
            found.put(name + descriptor, maxLocals);
          }
        };
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found;
  }

  // Advice needs a body; bridges and synthetic accessors only forward to the real method, and
  // constructors and initializers are not jobs.
  private static final int NOT_A_JOB = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE
      | Opcodes.ACC_SYNTHETIC;

  private boolean isJobMethod(int access, String name, long mask) {
    if ((access & NOT_A_JOB) != 0 || name.charAt(0) == '<') {
      return false;
    }
    for (int i = 0; i < methodGlobs.length; i++) {
      if ((mask & (1L << i)) != 0 && Glob.matches(methodGlobs[i], name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean seesTracker(ClassLoader loader) {
    try {
      return Class.forName(JobTracker.class.getName(), false, loader) == JobTracker.class;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
