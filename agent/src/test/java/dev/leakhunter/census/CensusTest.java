package dev.leakhunter.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CensusTest {
  private static final int HELD_COUNT = 5_000;
  /** A static root, as in a real leak: only a forced GC plus "live only" makes clearing it show. */
  private static final List<Object> HELD = new ArrayList<>();

  @AfterEach
  void release() {
    HELD.clear();
  }

  @Test
  void countsHeldInstancesAndForgetsThemOnceUnreachable() throws CensusException {
    for (int i = 0; i < HELD_COUNT; i++) {
      HELD.add(new Retained(i));
    }

    Census.Result held = Census.take();

    HistogramRow row = row(held.histogram(), Retained.class.getName())
        .orElseThrow(() -> new AssertionError("no row for " + Retained.class.getName()));
    assertTrue(row.instances() >= HELD_COUNT, row::toString);
    assertEquals(1, row.loaders(), row::toString);
    // A header and a long: 24 bytes with compressed class pointers, more without; never hard-coded.
    long perInstance = row.bytes() / row.instances();
    assertTrue(perInstance >= 16 && perInstance <= 64, row::toString);
    assertTrue(held.pauseNanos() > 0, () -> "pauseNanos " + held.pauseNanos());

    HELD.clear();
    Census.Result released = Census.take();

    long left = row(released.histogram(), Retained.class.getName()).map(HistogramRow::instances)
        .orElse(0L);
    assertTrue(left <= 10, () -> left + " instances survived a census after being released");
  }

  @Test
  void lambdasAndArraysOfThisJvmGetJavaNames() throws CensusException {
    List<LongSupplier> lambdas = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      long n = i;
      lambdas.add(() -> n);
    }
    for (int i = 0; i < 300; i++) {
      HELD.add(new Retained[2][1]);
    }
    HELD.add(lambdas);

    Histogram h = Census.take().histogram();

    String lambdaType = TypeNames.toJavaName(lambdas.get(0).getClass().getName());
    assertTrue(lambdaType.startsWith(CensusTest.class.getName() + "$$Lambda"), lambdaType);
    assertTrue(row(h, lambdaType).orElseThrow().instances() >= 1_000);
    // 300 outer arrays; 300 * 2 inner Retained[] ones.
    assertTrue(row(h, Retained.class.getName() + "[][]").orElseThrow().instances() >= 300);
    assertTrue(row(h, Retained.class.getName() + "[]").orElseThrow().instances() >= 600);
    for (HistogramRow r : h.rows()) {
      assertTrue(!r.type().contains("/0x") && !r.type().startsWith("["), r::toString);
    }
  }

  @Test
  void theRowsOfALiveCensusAddUpToItsTotalLine() throws CensusException {
    Histogram h = Census.take().histogram();

    // If HotSpot's format changed, rows the parser skips would show up here first.
    assertEquals(h.totalInstances(), h.rows().stream().mapToLong(HistogramRow::instances).sum());
    assertEquals(h.totalBytes(), h.rows().stream().mapToLong(HistogramRow::bytes).sum());
    assertTrue(row(h, "java.lang.String").orElseThrow().instances() > 0);
  }

  @Test
  void aJvmWithoutTheDiagnosticCommandMBeanIsNamedInTheError() {
    Census census = new Census(MBeanServerFactory.newMBeanServer());

    CensusException e = assertThrows(CensusException.class, census::takeHistogram);
    assertTrue(e.getMessage().contains("no com.sun.management:type=DiagnosticCommand MBean"),
        e.getMessage());
    assertNotNull(e.getCause());
  }

  @Test
  void aFailingCommandIsReportedWithItsCause() throws Exception {
    Census census = withFakeDiagnosticCommand(args -> {
      throw new IllegalStateException("heap inspection refused");
    });

    CensusException e = assertThrows(CensusException.class, census::takeHistogram);
    assertTrue(e.getMessage().startsWith("GC.class_histogram failed"), e.getMessage());
    assertTrue(e.getMessage().contains("heap inspection refused"), e.getMessage());
  }

  @Test
  void textThatIsNoHistogramIsReportedNotParsedAsEmpty() throws Exception {
    Census census = withFakeDiagnosticCommand(args -> "Permission denied\n");

    CensusException e = assertThrows(CensusException.class, census::takeHistogram);
    assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
  }

  @Test
  void theCommandIsCalledWithoutOptionsSoItCountsLiveObjectsOnly() throws Exception {
    List<String[]> calls = new ArrayList<>();
    Census census = withFakeDiagnosticCommand(args -> {
      calls.add(args);
      return HistogramParserTest.fixture("jdk17.txt");
    });

    Census.Result result = census.takeHistogram();

    assertEquals(1, calls.size());
    assertEquals(0, calls.get(0).length, "no -all: HotSpot must run a full GC first");
    assertEquals(1281976, result.histogram().totalBytes());
  }

  private static Optional<HistogramRow> row(Histogram h, String type) {
    return h.rows().stream().filter(r -> r.type().equals(type)).findFirst();
  }

  private static Census withFakeDiagnosticCommand(FakeDiagnosticCommandMBean fake)
      throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    server.registerMBean(new StandardMBean(fake, FakeDiagnosticCommandMBean.class),
        new ObjectName(Census.MBEAN_NAME));
    return new Census(server);
  }

  /** The one operation of HotSpot's DiagnosticCommand MBean that Census uses. */
  public interface FakeDiagnosticCommandMBean {
    String gcClassHistogram(String[] args);
  }

  /** Test-only, so that no other code in the JVM holds instances of it. */
  static final class Retained {
    final long id;

    Retained(long id) {
      this.id = id;
    }
  }
}
