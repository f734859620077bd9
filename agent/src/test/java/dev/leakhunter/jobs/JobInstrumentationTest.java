package dev.leakhunter.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.testhost.HostJobs;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Weaves the real advice into host-like classes in this JVM and counts what it sees. */
class JobInstrumentationTest {

  private static Instrumentation inst;
  private static JobInstrumentation transformer;
  private static final List<String> instrumented = new ArrayList<>();
  private static final List<Throwable> failures = new ArrayList<>();

  @BeforeAll
  static void weave() {
    assertEquals(4, new HostJobs.LoadedEarly().run(2), "loaded before the agent");
    inst = ByteBuddyAgent.install();
    transformer = JobInstrumentation.install(inst,
        JobPattern.parseList("dev.leakhunter.testhost.HostJobs$Job#run"),
        AgentPackages::isAgentType, new JobInstrumentation.Events() {
          @Override
          public synchronized void instrumented(String className) {
            instrumented.add(className);
          }

          @Override
          public synchronized void failed(String className, Throwable error) {
            failures.add(error);
          }
        });
  }

  @AfterAll
  static void unweave() {
    transformer.reset();
  }

  @Test
  void implementationsOfTheJobInterfaceAreWoven() {
    new HostJobs.Recursive().run(0);
    new HostJobs.Unrelated().run(0);
    assertTrue(instrumented.contains("dev.leakhunter.testhost.HostJobs$Recursive"), instrumented.toString());
    assertTrue(instrumented.contains("dev.leakhunter.testhost.HostJobs$LoadedEarly"), "retransformed: " + instrumented);
    assertTrue(!instrumented.contains("dev.leakhunter.testhost.HostJobs$Unrelated"), instrumented.toString());
    assertTrue(failures.isEmpty(), failures.toString());
  }

  @Test
  void theReceiverOfTheJobIsKeptOnlyWhenAsked() {
    HostJobs.Recursive before = new HostJobs.Recursive();
    before.run(0);
    assertTrue(JobTracker.receivers().stream().noneMatch(r -> r == before), "not asked: not kept");
    JobTracker.captureNextReceiver();
    HostJobs.Recursive asked = new HostJobs.Recursive();
    asked.run(3);
    HostJobs.Recursive after = new HostJobs.Recursive();
    after.run(0);
    List<Object> kept = JobTracker.receivers();
    assertTrue(kept.stream().anyMatch(r -> r == asked), "the next job's receiver: " + kept);
    assertTrue(kept.stream().noneMatch(r -> r == after), "only that one: " + kept);
  }

  @Test
  void aReceiverRequestDoesNotSwallowTheSamplersWakeUp() {
    AtomicLong told = new AtomicLong(-1);
    long now = JobTracker.completed();
    JobTracker.captureNextReceiver();
    JobTracker.notifyAt(now + 3, told::set);
    for (int i = 0; i < 2; i++) {
      new HostJobs.Recursive().run(0);
    }
    assertEquals(-1, told.get(), "the receiver's rare path is not the sampler's point");
    new HostJobs.Recursive().run(0);
    assertEquals(now + 3, told.get());
    JobTracker.notifyAt(Long.MAX_VALUE, null);
  }

  @Test
  void nestedCallsCountOnce() {
    long before = JobTracker.completed();
    assertEquals(5, new HostJobs.Recursive().run(5), "behaviour unchanged");
    assertEquals(before + 1, JobTracker.completed());
  }

  @Test
  void aJobThatThrowsIsCompletedAndItsExceptionReachesTheCaller() {
    long before = JobTracker.completed();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new HostJobs.Failing().run(1));
    assertEquals("job failed on purpose", e.getMessage());
    assertEquals(before + 1, JobTracker.completed());
    assertEquals(0, JobTracker.inFlight());
  }

  @Test
  void classesLoadedBeforeTheAgentAreCounted() {
    long before = JobTracker.completed();
    new HostJobs.LoadedEarly().run(1);
    assertEquals(before + 1, JobTracker.completed());
  }

  @Test
  void otherMethodsOfTheSameNameAreNotJobs() {
    long before = JobTracker.completed();
    new HostJobs.Unrelated().run(3);
    assertEquals(before, JobTracker.completed());
  }

  @Test
  void concurrentJobsAreCountedExactlyAndShowAsInFlight() throws Exception {
    int threads = 4;
    int perThread = 20_000;
    long before = JobTracker.completed();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          HostJobs.Job job = new HostJobs.Recursive();
          for (int i = 0; i < perThread; i++) {
            job.run(i % 3);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(1, TimeUnit.MINUTES);
      }
      assertEquals(before + (long) threads * perThread, JobTracker.completed());

      CyclicBarrier inside = new CyclicBarrier(threads + 1);
      CountDownLatch release = new CountDownLatch(1);
      List<Future<?>> blocked = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        blocked.add(pool.submit(() -> new HostJobs.Blocking(inside, release).run(0)));
      }
      inside.await(1, TimeUnit.MINUTES);
      assertEquals(threads, JobTracker.inFlight());
      release.countDown();
      for (Future<?> f : blocked) {
        f.get(1, TimeUnit.MINUTES);
      }
      assertEquals(0, JobTracker.inFlight());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSamplerIsToldOnceWhenASampleIsDue() {
    AtomicLong told = new AtomicLong();
    AtomicLong calls = new AtomicLong();
    long due = JobTracker.completed() + 3;
    JobTracker.notifyAt(due, jobs -> {
      calls.incrementAndGet();
      told.set(jobs);
    });
    try {
      HostJobs.Job job = new HostJobs.Recursive();
      for (int i = 0; i < 10; i++) {
        job.run(1);
      }
      assertEquals(1, calls.get());
      assertEquals(due, told.get());
    } finally {
      JobTracker.notifyAt(Long.MAX_VALUE, null);
    }
  }
}
