package dev.leakhunter.jobs;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves one job method: {@link JobTracker#enter()} first, {@link JobTracker#exit(JobTracker.Slot, Object)}
 * before every return and in a catch-all handler that rethrows (a job that throws is still a
 * completed job). The woven code is what the Java compiler makes of
 * {@code Slot s = enter(); try { body } finally { exit(s, this); }}.
 *
 * <p>The slot and a copy of {@code this} live in two new locals placed after all of the method's
 * own ({@code maxLocals}, known from a first pass), so no local of the body is renumbered. The
 * verifier wants them declared at every stack map frame inside the handler's range, so each of the
 * body's frames (read expanded) is padded with {@code TOP} up to {@code maxLocals} and given the
 * two. {@code this} is copied rather than read from local 0 at exit because bytecode may reuse
 * local 0. The JobTracker calls catch their own exceptions, so the woven code needs no handler
 * around them.
 */
final class JobMethodWeaver extends MethodVisitor {

  static final String TRACKER = JobTracker.class.getName().replace('.', '/');
  static final String SLOT = JobTracker.Slot.class.getName().replace('.', '/');
  private static final String ENTER = "()L" + SLOT + ";";
  private static final String EXIT = "(L" + SLOT + ";Ljava/lang/Object;)V";

  private final String owner;
  private final boolean isStatic;
  private final int slotVar;
  private final boolean frames;
  private final Label start = new Label();

  /**
   * @param maxLocals the method's own maxLocals
   * @param frames    whether the class carries stack map frames (class files of version 50 and up)
   */
  JobMethodWeaver(MethodVisitor next, String owner, boolean isStatic, int maxLocals, boolean frames) {
    super(Opcodes.ASM9, next);
    this.owner = owner;
    this.isStatic = isStatic;
    this.slotVar = maxLocals;
    this.frames = frames;
  }

  private int selfVar() {
    return slotVar + 1;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    super.visitMethodInsn(Opcodes.INVOKESTATIC, TRACKER, "enter", ENTER, false);
    super.visitVarInsn(Opcodes.ASTORE, slotVar);
    if (!isStatic) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitVarInsn(Opcodes.ASTORE, selfVar());
    }
    super.visitLabel(start);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      exit();
    }
    super.visitInsn(opcode);
  }

  private void exit() {
    super.visitVarInsn(Opcodes.ALOAD, slotVar);
    if (isStatic) {
      super.visitInsn(Opcodes.ACONST_NULL);
    } else {
      super.visitVarInsn(Opcodes.ALOAD, selfVar());
    }
    super.visitMethodInsn(Opcodes.INVOKESTATIC, TRACKER, "exit", EXIT, false);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    if (type != Opcodes.F_NEW) {
      throw new IllegalStateException("frames must be read expanded");
    }
    Object[] padded = withOwnLocals(local, numLocal);
    super.visitFrame(type, padded.length, padded, numStack, stack);
  }

  /** The frame's locals, padded with TOP up to the method's own maxLocals, then the slot and this. */
  private Object[] withOwnLocals(Object[] local, int numLocal) {
    int slots = 0;
    for (int i = 0; i < numLocal; i++) {
      slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    int padding = slotVar - slots;
    Object[] padded = new Object[numLocal + padding + (isStatic ? 1 : 2)];
    System.arraycopy(local, 0, padded, 0, numLocal);
    int n = numLocal;
    for (int i = 0; i < padding; i++) {
      padded[n++] = Opcodes.TOP;
    }
    padded[n++] = SLOT;
    if (!isStatic) {
      padded[n] = owner;
    }
    return padded;
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    Label end = new Label();
    Label handler = new Label();
    super.visitLabel(end);
    super.visitLabel(handler);
    if (frames) {
      Object[] locals = withOwnLocals(new Object[0], 0);
      super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
    }
    exit();
    super.visitInsn(Opcodes.ATHROW);
    // Registered last, so it is the last entry of the exception table: the method's own handlers
    // are searched first and keep every exception they catch.
    super.visitTryCatchBlock(start, end, handler, null);
    // exit() pushes two references above whatever is on the stack (a return value, a Throwable).
    super.visitMaxs(Math.max(maxStack + 2, 3), slotVar + (isStatic ? 1 : 2));
  }
}
