package dev.leakhunter.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.testhost.Shapes;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The weaver on job methods of many bytecode shapes, compiled by javac: the JVM's verifier accepts
 * each woven class, each method still does what it did, and each call counts as one job.
 *
 * <p>This test class names the shapes, so they are loaded with it, before the weaving is installed:
 * most tests see them woven by retransformation (the attach path; the JVM refuses a retransformation
 * that does not verify, which would show as an uncounted job). {@link #classesWovenAsTheyLoadVerifyAndCount}
 * loads fresh copies in a loader of its own after the install (the {@code premain} path, where a
 * bad frame fails the class's loading).
 */
class JobWeaverTest {

  private static Instrumentation inst;
  private static JobInstrumentation weaving;
  private static final Recorded events = new Recorded();

  @BeforeAll
  static void weave() {
    inst = ByteBuddyAgent.install();
    weaving = JobInstrumentation.install(inst,
        JobPattern.parseList("dev.leakhunter.testhost.Shapes$Base#handle*:dev.leakhunter.testhost.Shapes$Shape#shape"),
        AgentPackages::isAgentType, events);
  }

  @AfterAll
  static void unweave() {
    weaving.reset();
  }

  private static long jobs(Runnable r) {
    long before = JobTracker.completed();
    r.run();
    return JobTracker.completed() - before;
  }

  private static <T> T counted(java.util.function.Supplier<T> call) {
    long before = JobTracker.completed();
    T value = call.get();
    assertEquals(before + 1, JobTracker.completed(), "one job");
    return value;
  }

  @Test
  void aSubclassLoadedBeforeItsJobSuperclassIsWoven() {
    Shapes.Concrete c = new Shapes.Concrete();
    assertEquals(List.of(), events.failures(), "no failures");
    assertTrue(events.woven().contains("dev.leakhunter.testhost.Shapes$Concrete"), events.woven().toString());
    assertTrue(events.woven().contains("dev.leakhunter.testhost.Shapes$Base"), events.woven().toString());
    assertEquals(1 + 0 + 2 * 1 + 2 * 2, counted(() -> c.handleLong(1, 2.0, 3)));
  }

  @Test
  void everyReturnTypeKeepsItsValue() {
    Shapes.Concrete c = new Shapes.Concrete();
    assertEquals(6.0, counted(() -> c.handleDouble(2.0, 3)));
    assertEquals(1.5, counted(() -> c.handleDouble(-1.5, 3)));
    assertEquals(1.25f, counted(() -> c.handleFloat(2.5f)));
    assertTrue(counted(() -> c.handleBoolean("")));
    assertEquals('x', counted(() -> c.handleChar("xy")));
    List<String> out = new ArrayList<>();
    assertEquals(1, jobs(() -> c.handleVoid(out)));
    assertEquals(List.of("done"), out);
    assertEquals("zero", counted(() -> c.handleObject(0)));
    assertEquals(1, counted(() -> c.handleObject(1)));
    assertArrayEquals(new int[] {2}, (int[]) counted(() -> c.handleObject(2)));
    assertNull(counted(() -> c.handleObject(3)));
    assertEquals(5 + 2, counted(() -> Shapes.Concrete.handleStatic(3, 5L, 2)));
    assertEquals(13, counted(() -> c.handleLambda(4)));
    assertEquals(7, counted(c::shape), "a default method of the job interface");
  }

  @Test
  void wideLocalsStayApart() {
    Shapes.Concrete c = new Shapes.Concrete();
    LongSupplier many = () -> c.handleManyLocals(5);
    assertEquals(5 + 16 * 8 - 1, counted(many::getAsLong), "the last of 128 chained locals");
    assertEquals(-3, counted(() -> c.handleManyLocals(-3)));
  }

  @Test
  void theMethodsOwnHandlersKeepTheirExceptions() {
    Shapes.Concrete c = new Shapes.Concrete();
    assertEquals(42, counted(() -> c.handleCaught("42")));
    assertEquals(-1, counted(() -> c.handleCaught("not a number")));
    assertEquals(0, JobTracker.inFlight());
  }

  @Test
  void anExceptionLeavesTheJobCompletedAndItsMonitorsFree() throws Exception {
    Shapes.Concrete c = new Shapes.Concrete();
    long before = JobTracker.completed();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.handleThrowing(2));
    assertEquals("n=2", e.getMessage());
    assertEquals(before + 1, JobTracker.completed());
    assertEquals(0, JobTracker.inFlight());
    Thread other = new Thread(() -> c.handleThrowing(0));
    other.start();
    other.join(60_000);
    assertFalse(other.isAlive(), "the synchronized method's monitor was released");
  }

  @Test
  void classesWovenAsTheyLoadVerifyAndCount() throws Exception {
    Object[][] calls = {
        {"handleLong", new Class<?>[] {long.class, double.class, int.class}, new Object[] {1L, 2.0, 3}},
        {"handleDouble", new Class<?>[] {double.class, long.class}, new Object[] {2.0, 3L}},
        {"handleFloat", new Class<?>[] {float.class}, new Object[] {2.5f}},
        {"handleBoolean", new Class<?>[] {Object.class}, new Object[] {""}},
        {"handleChar", new Class<?>[] {String.class}, new Object[] {"xy"}},
        {"handleObject", new Class<?>[] {int.class}, new Object[] {0}},
        {"handleCaught", new Class<?>[] {String.class}, new Object[] {"no"}},
        {"handleThrowing", new Class<?>[] {int.class}, new Object[] {0}},
        {"handleLambda", new Class<?>[] {int.class}, new Object[] {4}},
        {"handleStatic", new Class<?>[] {int.class, long.class, int.class}, new Object[] {3, 5L, 2}},
        {"handleManyLocals", new Class<?>[] {long.class}, new Object[] {5L}},
        {"shape", new Class<?>[0], new Object[0]},
    };
    try (ShapesLoader fresh = new ShapesLoader()) {
      Class<?> concrete = fresh.loadClass(Shapes.Concrete.class.getName());
      assertTrue(concrete.getClassLoader() == fresh, "a fresh copy, defined after the install");
      Object copy = concrete.getConstructor().newInstance();
      Shapes.Concrete original = new Shapes.Concrete();
      for (Object[] call : calls) {
        Method m = concrete.getMethod((String) call[0], (Class<?>[]) call[1]);
        long before = JobTracker.completed();
        Object result = m.invoke(copy, (Object[]) call[2]);
        assertEquals(before + 1, JobTracker.completed(), call[0] + " counts one job");
        assertEquals(Shapes.Concrete.class.getMethod((String) call[0], (Class<?>[]) call[1]).invoke(original, (Object[]) call[2]),
            result, call[0] + " returns what it did");
      }
    }
    assertEquals(List.of(), events.failures());
  }

  @Test
  void aLoaderThatLoadsAClassWhileItsClassFilesAreReadStillGetsItsJobClassWoven() throws Exception {
    String resettable = Shapes.Resettable.class.getName();
    try (ShapesLoader fresh = new ShapesLoader() {
      @Override
      public java.io.InputStream getResourceAsStream(String name) {
        try {
          loadClass(resettable); // what some loaders do: a class of their own, loaded on the way
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
        return super.getResourceAsStream(name);
      }
    }) {
      Class<?> concrete = fresh.loadClass(Shapes.Concrete.class.getName());
      Method half = concrete.getMethod("handleFloat", float.class);
      long before = JobTracker.completed();
      assertEquals(1.5f, half.invoke(concrete.getConstructor().newInstance(), 3f));
      assertEquals(before + 1, JobTracker.completed(), "woven, though its loader loaded a class while being read");
      assertTrue(fresh.loadClass(resettable).getClassLoader() == fresh, "the class loaded on the way is there");
    }
    assertEquals(List.of(), events.failures());
  }

  /** Defines its own copies of the shapes (child first) and takes everything else from the test's loader. */
  private static class ShapesLoader extends URLClassLoader {
    ShapesLoader() {
      super(new URL[] {Shapes.class.getProtectionDomain().getCodeSource().getLocation()}, JobWeaverTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(Shapes.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        return c != null ? c : findClass(name);
      }
    }
  }

  @Test
  void methodsThatMatchNoPatternAreNotJobs() {
    Shapes.Concrete c = new Shapes.Concrete();
    assertEquals(0, jobs(() -> c.notAJob(1)));
  }

  @Test
  void aLoaderThatCannotSeeTheAgentGetsNoWeavingAndItsClassRunsAsItWas() throws Exception {
    URL testClasses = Shapes.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
      Class<?> concrete = isolated.loadClass(Shapes.Concrete.class.getName());
      assertFalse(concrete == Shapes.Concrete.class);
      Object instance = concrete.getConstructor().newInstance();
      Method half = concrete.getMethod("handleFloat", float.class);
      long before = JobTracker.completed();
      assertEquals(1.5f, half.invoke(instance, 3f));
      assertEquals(before, JobTracker.completed(), "not woven, so not counted");
      assertTrue(events.failures().stream().anyMatch(f -> f.contains("Shapes$Concrete")
          && f.contains("does not see the agent")), events.failures().toString());
      events.clearFailures();
    }
  }

  @Test
  void aResetRestoresTheOriginalClasses() {
    Recorded own = new Recorded();
    JobInstrumentation resettable = JobInstrumentation.install(inst,
        JobPattern.parseList("dev.leakhunter.testhost.Shapes$Resettable#work"), AgentPackages::isAgentType, own);
    Shapes.Resettable r = new Shapes.Resettable();
    assertEquals(1, jobs(() -> r.work(1)));
    assertTrue(resettable.reset());
    assertEquals(0, jobs(() -> assertEquals(3, r.work(1))), "original bytes back");
    assertFalse(resettable.reset(), "already reset");
    JobInstrumentation again = JobInstrumentation.install(inst,
        JobPattern.parseList("dev.leakhunter.testhost.Shapes$Resettable#work"), AgentPackages::isAgentType, own);
    try {
      assertEquals(1, jobs(() -> r.work(1)), "a loaded class is woven again by retransformation");
    } finally {
      again.reset();
    }
    assertEquals(List.of(), own.failures());
  }

  @Test
  void aPatternOnAJdkInterfaceReachesItThroughJdkSuperclasses() throws Exception {
    Recorded own = new Recorded();
    JobInstrumentation lists = JobInstrumentation.install(inst, JobPattern.parseList("java.util.List#size"),
        AgentPackages::isAgentType, own);
    try (ShapesLoader fresh = new ShapesLoader()) {
      Class<?> sized = fresh.loadClass(Shapes.Sized.class.getName());
      Object list = sized.getConstructor().newInstance();
      long before = JobTracker.completed();
      assertEquals(3, ((java.util.List<?>) list).size());
      assertEquals(before + 1, JobTracker.completed(), "Sized extends AbstractList, which implements List");
    } finally {
      lists.reset();
    }
    assertTrue(own.woven().contains(Shapes.Sized.class.getName()), own.woven().toString());
    assertEquals(List.of(), own.failures());
  }

  @Test
  void onlyPatternsThatCanNameAJavaTypeReadJavaClassFiles() {
    assertFalse(JobTypes.mayMatchJava("com/acme/Job"));
    assertFalse(JobTypes.mayMatchJava("javax/jms/MessageListener"));
    assertFalse(JobTypes.mayMatchJava("com/*/Job"));
    assertTrue(JobTypes.mayMatchJava("java/lang/Runnable"));
    assertTrue(JobTypes.mayMatchJava("java/util/*"));
    assertTrue(JobTypes.mayMatchJava("ja*Runnable"));
    assertTrue(JobTypes.mayMatchJava("*Runnable"));
  }

  @Test
  void moreThanSixtyFourPatternsAreRefusedWithAReason() {
    StringBuilder many = new StringBuilder("a.B#m");
    for (int i = 0; i < 64; i++) {
      many.append(":a.B").append(i).append("#m");
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobPattern.parseList(many.toString()));
    assertTrue(e.getMessage().contains("at most 64"), e.getMessage());
  }

  static final class Recorded implements JobInstrumentation.Events {
    private final List<String> woven = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @Override
    public synchronized void instrumented(String className) {
      woven.add(className);
    }

    @Override
    public synchronized void failed(String className, Throwable error) {
      failures.add(className + ": " + error);
    }

    synchronized List<String> woven() {
      return List.copyOf(woven);
    }

    synchronized List<String> failures() {
      return List.copyOf(failures);
    }

    synchronized void clearFailures() {
      failures.clear();
    }
  }
}
