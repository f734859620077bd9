package dev.leakhunter.jobs;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into every job method. Byte Buddy copies these bodies into the host's classes, so they
 * may only call what the host's class loader sees (the agent jar is on the system class path) and
 * they suppress everything: an agent bug must never surface as a host exception.
 */
public final class JobAdvice {

  private JobAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static JobTracker.Slot enter() {
    return JobTracker.enter();
  }

  // onThrowable: a job that throws is still a completed job.
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter JobTracker.Slot slot, @Advice.This(optional = true) Object self) {
    JobTracker.exit(slot, self);
  }
}
