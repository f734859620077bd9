package dev.leakhunter.jobs;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameMatches;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.Predicate;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Weaves {@link JobAdvice} into the job methods named by the {@code jobs} option, in classes
 * loaded from now on and (by retransformation) in classes already loaded.
 */
public final class JobInstrumentation {

  private JobInstrumentation() {
  }

  /**
   * @param isAgentClass  the agent's own classes, never instrumented
   * @param events        told of each instrumented class and each failure
   * @return the transformer; {@code reset(inst, RETRANSFORMATION)} restores the original classes
   */
  public static ResettableClassFileTransformer install(Instrumentation inst, List<JobPattern> patterns,
                                                       Predicate<String> isAgentClass, Events events) {
    ElementMatcher.Junction<TypeDescription> anyJobType = none();
    for (JobPattern p : patterns) {
      anyJobType = anyJobType.or(jobType(p));
    }
    return new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(new Listener(events))
        // JDK classes (bootstrap and platform loaders) cannot see the agent's JobTracker; the
        // agent's own classes must never be woven (they would count their own work as jobs).
        .ignore(ElementMatchers.<TypeDescription>isSynthetic()
                .or(t -> isAgentClass.test(t.getName()))
                .or(ElementMatchers.nameStartsWith("net.bytebuddy.")),
            isBootstrapClassLoader().or(isExtensionClassLoader()))
        .type(anyJobType)
        .transform((builder, type, loader, module, domain) ->
            builder.visit(Advice.to(JobAdvice.class).on(jobMethods(type, patterns))))
        .installOn(inst);
  }

  private static ElementMatcher.Junction<TypeDescription> jobType(JobPattern p) {
    return hasSuperType(nameMatches(p.typeRegex().pattern()));
  }

  /** The methods of {@code type} that are job boundaries: those of every pattern its hierarchy matches. */
  static ElementMatcher.Junction<MethodDescription> jobMethods(TypeDescription type, List<JobPattern> patterns) {
    ElementMatcher.Junction<MethodDescription> names = none();
    for (JobPattern p : patterns) {
      if (jobType(p).matches(type)) {
        names = names.or(nameMatches(p.methodRegex().pattern()));
      }
    }
    // Advice needs a body; bridges and synthetic accessors only forward to the real method.
    return isMethod().and(names).and(not(isAbstract())).and(not(isNative()))
        .and(not(isBridge())).and(not(isSynthetic()));
  }

  /** What instrumentation reports back; called on class-loading threads, so it must be quick. */
  public interface Events {
    void instrumented(String className);

    void failed(String className, Throwable error);
  }

  private static final class Listener extends AgentBuilder.Listener.Adapter {
    private final Events events;

    Listener(Events events) {
      this.events = events;
    }

    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                                 boolean loaded, net.bytebuddy.dynamic.DynamicType dynamicType) {
      events.instrumented(type.getName());
    }

    @Override
    public void onError(String typeName, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                        boolean loaded, Throwable error) {
      events.failed(typeName, error);
    }
  }
}
