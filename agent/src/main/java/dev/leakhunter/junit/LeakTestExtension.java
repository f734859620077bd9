package dev.leakhunter.junit;

import dev.leakhunter.report.Report;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs a {@link LeakTest} method's body as the job of a leak check.
 *
 * <p>An {@link InvocationInterceptor} rather than a {@code @TestTemplate}: a template would make
 * every job a separate test, with its own lifecycle callbacks, its own (by default new) test
 * instance and its own result, while a leak check is one verdict over all the jobs, with censuses
 * between jobs on one thread. JUnit lets an interceptor either proceed with an invocation or skip
 * it, exactly once; so it skips it and invokes the method itself, as many times as the check asks,
 * with the arguments JUnit resolved. Other interceptors (e.g. {@code @Timeout}) wrap the whole run.
 */
public final class LeakTestExtension implements InvocationInterceptor {

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
                                  ExtensionContext extension) throws Throwable {
    Method method = context.getExecutable();
    Optional<LeakTest> spec = AnnotationSupport.findAnnotation(method, LeakTest.class);
    if (spec.isEmpty()) {
      invocation.proceed();
      return;
    }
    invocation.skip();
    LeakCheck check = checkOf(spec.get());
    Object target = context.getTarget().orElse(null);
    Object[] arguments = context.getArguments().toArray();
    Report report = check.measure(() -> ReflectionSupport.invokeMethod(method, target, arguments));
    extension.publishReportEntry("leakhunter", report.verdict().json() + " over " + check.jobs() + " jobs");
    String failure = Failure.message(report, check);
    if (failure != null) {
      throw new LeakAssertionError(failure, report);
    }
  }

  static LeakCheck checkOf(LeakTest spec) {
    return LeakCheck.defaults().jobs(spec.jobs()).samples(spec.samples()).warmup(spec.warmup())
        .allowBytesPerJob(spec.allowedBytesPerJob()).ignore(spec.ignore());
  }
}
