package dev.leakhunter.allocation;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The transformer of one followed class: before every {@code RETURN} of each of its constructors,
 * a call {@code AllocationSites.constructed(this)}. A constructor that ends by throwing reaches no
 * {@code RETURN}, so an instance that failed to construct is not recorded. Only code changes, so
 * the class can be retransformed: no member is added, and no stack map frame changes (the call
 * sits at the same place in the control flow as the {@code RETURN} it precedes, with one more
 * reference on the stack), so nothing needs computing and no class is loaded to compute frames.
 *
 * <p>Plain ASM, not Byte Buddy's AgentBuilder: for the first suspect, loading Byte Buddy and
 * building the builder took about half a second on the sampler thread, which stalled the
 * sampling; ASM is loaded already for the job boundaries (docs/performance.md).
 *
 * <p>Registered for retransformation, it is called for every class the JVM loads or
 * retransforms while the type is followed; every class but {@link #target()} is passed over at
 * once. What fails is kept for {@link #failure()}: the JVM ignores a transformer's exception.
 */
final class ConstructorWeaver implements ClassFileTransformer {

  private static final String SITES = AllocationSites.class.getName().replace('.', '/');
  private static final String CONSTRUCTED = "(Ljava/lang/Object;)V";

  private final Class<?> target;
  private volatile boolean woven;
  private volatile Throwable failure;

  ConstructorWeaver(Class<?> target) {
    this.target = target;
  }

  Class<?> target() {
    return target;
  }

  /** True once the target's bytes were woven (the JVM may still have refused them). */
  boolean woven() {
    return woven;
  }

  /** Why the latest weaving failed, or null. */
  Throwable failure() {
    return failure;
  }

  /**
   * True when {@code loader} resolves {@link AllocationSites} to the agent's own class, as the
   * woven call will. The agent's classes are on the system class path; a loader that does not
   * delegate to it would fail the woven constructors with a NoClassDefFoundError in the host.
   */
  static boolean seesAgent(ClassLoader loader) {
    try {
      return Class.forName(AllocationSites.class.getName(), false, loader) == AllocationSites.class;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                          ProtectionDomain domain, byte[] bytes) {
    // The identity says the loader and the name at once. The target is loaded already, so a class
    // being loaded (classBeingRedefined null) is never it.
    if (classBeingRedefined != target) {
      return null;
    }
    try {
      byte[] result = weave(bytes);
      failure = null;
      woven = true;
      return result;
    } catch (Throwable t) {
      failure = t;
      return null; // the class keeps the bytes it had
    }
  }

  private static byte[] weave(byte[] bytes) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                       String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return name.equals("<init>") ? new RecordBeforeReturn(next) : next;
      }
    }, 0);
    return writer.toByteArray();
  }

  /** One constructor: {@code aload_0; invokestatic AllocationSites.constructed} before each RETURN. */
  private static final class RecordBeforeReturn extends MethodVisitor {

    RecordBeforeReturn(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.RETURN) {
        // At a constructor's RETURN the verifier has seen this initialized, so passing it is legal.
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, SITES, "constructed", CONSTRUCTED, false);
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
      if (var == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
        // javac never does this, but bytecode may reuse local 0: at RETURN it need not be this.
        throw new IllegalStateException("a constructor stores into local 0, so this is not known at its return");
      }
      super.visitVarInsn(opcode, var);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
      if (var == 0) {
        throw new IllegalStateException("a constructor stores into local 0, so this is not known at its return");
      }
      super.visitIincInsn(var, increment);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      // this is pushed above whatever the RETURN leaves on the stack.
      super.visitMaxs(maxStack + 1, maxLocals);
    }
  }
}
