package dev.leakhunter.jobs;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.Predicate;

/**
 * The job boundaries of the {@code jobs} option, woven into the host: into classes loaded from now
 * on, and by retransformation into classes already loaded (an attach, or job classes loaded before
 * {@code premain}). {@link #reset} takes the weaving out again.
 */
public final class JobInstrumentation {

  private final Instrumentation inst;
  private final JobWeaver weaver;
  private final Events events;

  private JobInstrumentation(Instrumentation inst, JobWeaver weaver, Events events) {
    this.inst = inst;
    this.weaver = weaver;
    this.events = events;
  }

  /**
   * @param isAgentClass  the agent's own classes (by binary name), never instrumented
   * @param events        told of each instrumented class and each failure
   * @throws IllegalArgumentException for more patterns than {@value JobTypes#MAX_PATTERNS}
   */
  public static JobInstrumentation install(Instrumentation inst, List<JobPattern> patterns,
                                           Predicate<String> isAgentClass, Events events) {
    JobWeaver weaver = new JobWeaver(patterns, isAgentClass, events);
    inst.addTransformer(weaver, true);
    JobInstrumentation installed = new JobInstrumentation(inst, weaver, events);
    installed.retransformJobClasses();
    return installed;
  }

  /**
   * Removes the transformer and retransforms the woven classes, which get their original bytes
   * back. A job running in the woven code finishes there and is still counted.
   *
   * @return false when it was already reset
   */
  public boolean reset() {
    if (!inst.removeTransformer(weaver)) {
      return false;
    }
    retransformJobClasses();
    return true;
  }

  // One class at a time: a class that cannot be retransformed must not keep the others unwoven.
  private void retransformJobClasses() {
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (isJobClass(c)) {
        try {
          inst.retransformClasses(c);
        } catch (Throwable t) {
          events.failed(c.getName(), t);
        }
      }
    }
  }

  private boolean isJobClass(Class<?> c) {
    if (c.isArray() || c.isPrimitive() || c.isHidden() || !inst.isModifiableClass(c)) {
      return false;
    }
    return weaver.eligible(c.getClassLoader(), c.getName().replace('.', '/')) && weaver.types().of(c) != 0;
  }

  /** What instrumentation reports back; called on class-loading threads, so it must be quick. */
  public interface Events {
    void instrumented(String className);

    void failed(String className, Throwable error);
  }
}
