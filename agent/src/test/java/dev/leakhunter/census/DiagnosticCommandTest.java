package dev.leakhunter.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.common.PrivateModules;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import javax.management.StandardMBean;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The census's way to HotSpot's DiagnosticCommand MBean without the platform MBean server. That the
 * server then stays unstarted in a real host is HostSafetyIT's to show: this JVM's other tests start it.
 */
class DiagnosticCommandTest {
  private static final String IMPLEMENTATION = "com.sun.management.internal.DiagnosticCommandImpl";

  private static Instrumentation inst;

  @BeforeAll
  static void instrumentation() {
    inst = ByteBuddyAgent.install();
  }

  @Test
  void theMBeanObjectItselfTakesALiveCensus() throws Exception {
    DiagnosticCommand direct = DiagnosticCommand.direct(PrivateModules.open(inst, "jdk.management"));

    Histogram h = new Census(direct).takeHistogram().histogram();

    assertTrue(h.totalBytes() > 0);
    assertTrue(h.rows().stream().anyMatch(r -> r.type().equals("java.lang.String") && r.instances() > 0),
        "a histogram of this JVM has Strings");
  }

  @Test
  void jdkManagementIsOpenedToTheAgentOnlyNotToTheClassPath() throws Exception {
    DiagnosticCommand.direct(PrivateModules.open(inst, "jdk.management"));

    Method factory = Class.forName(IMPLEMENTATION).getDeclaredMethod("getDiagnosticCommandMBean");
    assertFalse(factory.trySetAccessible(), "the class path's module gained no access to " + IMPLEMENTATION);
  }

  @Test
  void aClosedImplementationIsAnErrorNotACensusWithoutAnMBean() {
    ReflectiveOperationException e = assertThrows(ReflectiveOperationException.class,
        () -> DiagnosticCommand.direct(member -> false));

    assertTrue(e.getMessage().contains(IMPLEMENTATION + " is not open to the agent"), e.getMessage());
  }

  @Test
  void aCommandThatFailsReadsAsItDoesThroughTheServer() throws Exception {
    CensusTest.FakeDiagnosticCommandMBean failing = args -> {
      throw new IllegalStateException("heap inspection refused");
    };
    Census census = new Census(DiagnosticCommand.of(
        new StandardMBean(failing, CensusTest.FakeDiagnosticCommandMBean.class)));

    CensusException e = assertThrows(CensusException.class, census::takeHistogram);

    assertTrue(e.getMessage().startsWith("GC.class_histogram failed"), e.getMessage());
    assertTrue(e.getMessage().contains("heap inspection refused"), e.getMessage());
  }

  @Test
  void theDirectCommandIsCalledWithoutOptionsToo() throws Exception {
    List<String[]> calls = new ArrayList<>();
    CensusTest.FakeDiagnosticCommandMBean fake = args -> {
      calls.add(args);
      return HistogramParserTest.fixture("jdk17.txt");
    };

    Census.Result result = new Census(DiagnosticCommand.of(
        new StandardMBean(fake, CensusTest.FakeDiagnosticCommandMBean.class))).takeHistogram();

    assertEquals(1, calls.size());
    assertEquals(0, calls.get(0).length, "no -all: HotSpot must run a full GC first");
    assertEquals(1281976, result.histogram().totalBytes());
  }

  @Test
  void aCensusWhoseGcWasSkippedIsTakenAgain() throws Exception {
    List<String[]> calls = new ArrayList<>();
    // call 1 collects (the counts are seen to move); call 2 is skipped, call 3 collects
    Census census = countingCensus(calls, call -> call != 2);
    assertTrue(census.takeHistogram().liveOnly());

    Census.Result result = census.takeHistogram();

    assertEquals(3, calls.size());
    assertTrue(result.liveOnly());
    assertEquals(1, result.gcSkipped(), "one attempt printed HotSpot's warning");
  }

  @Test
  void aGcSkippedOnEveryAttemptYieldsNoLiveCensus() throws Exception {
    List<String[]> calls = new ArrayList<>();
    Census census = countingCensus(calls, call -> call == 1);
    assertTrue(census.takeHistogram().liveOnly());

    Census.Result result = census.takeHistogram();

    assertEquals(1 + Census.ATTEMPTS, calls.size());
    assertFalse(result.liveOnly(), "a histogram with garbage in it is marked");
    assertEquals(Census.ATTEMPTS, result.gcSkipped());
  }

  @Test
  void aJvmWhoseCollectorsNeverCountIsNotRetried() throws Exception {
    List<String[]> calls = new ArrayList<>();
    Census epsilon = countingCensus(calls, call -> false);

    assertTrue(epsilon.takeHistogram().liveOnly());
    assertEquals(0, epsilon.takeHistogram().gcSkipped(), "not known to be skipped");
    assertEquals(2, calls.size());
  }

  /** A census whose command counts a GC on the calls (from 1) that {@code collects} says. */
  private static Census countingCensus(List<String[]> calls, IntPredicate collects) throws Exception {
    AtomicLong gcs = new AtomicLong();
    CensusTest.FakeDiagnosticCommandMBean fake = args -> {
      calls.add(args);
      if (collects.test(calls.size())) {
        gcs.incrementAndGet();
      }
      return HistogramParserTest.fixture("jdk17.txt");
    };
    return new Census(DiagnosticCommand.of(new StandardMBean(fake, CensusTest.FakeDiagnosticCommandMBean.class)),
        gcs::get);
  }
}
