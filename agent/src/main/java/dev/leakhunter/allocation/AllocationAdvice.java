package dev.leakhunter.allocation;

import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of every constructor of a tracked suspect type. Like the job advice it may
 * only call what the host's class loader sees (the agent jar is on the system class path), and it
 * suppresses everything.
 */
public final class AllocationAdvice {

  private AllocationAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object self) {
    AllocationSites.constructed(self);
  }
}
