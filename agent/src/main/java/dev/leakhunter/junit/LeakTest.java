package dev.leakhunter.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A leak test: the annotated method's body is one job; it is run {@code warmup + jobs} times as
 * one test, with censuses at fixed job counts, and the test fails (a {@link LeakAssertionError})
 * if anything keeps growing or the run was too short to tell.
 *
 * <pre>{@code
 * private final Worker worker = new Worker();
 *
 * @LeakTest(jobs = 500)
 * void handlingAnOrderKeepsNothing() {
 *   worker.handle(nextOrder());
 * }
 * }</pre>
 *
 * <p>It is a {@code @Test}: {@code @BeforeEach} and {@code @AfterEach} run once around the whole
 * run, the same test instance serves every job, and it is reported as one test.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(LeakTestExtension.class)
public @interface LeakTest {
  /** Jobs measured after warm-up. */
  int jobs() default LeakCheck.DEFAULT_JOBS;

  /** Jobs before the baseline census. */
  int warmup() default LeakCheck.DEFAULT_WARMUP;

  /** Censuses after the baseline, evenly spread over {@link #jobs()}. */
  int samples() default LeakCheck.DEFAULT_SAMPLES;

  /** Growth tolerated per job, in bytes; 0 tolerates none. */
  long allowedBytesPerJob() default 0;

  /** Types left out of the censuses: names, or prefixes ending in {@code *}. */
  String[] ignore() default {};
}
