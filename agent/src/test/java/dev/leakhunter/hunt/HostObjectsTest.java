package dev.leakhunter.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostObjectsTest {

  @Test
  void theHuntsOwnObjectsAreNotTheHosts() {
    HostObjects host = AgentPackages.hostObjects(List.of());
    assertFalse(host.keeps(SamplePipeline.class.getName()), "hunt is one of the agent's own packages");
    assertFalse(host.keeps("dev.leakhunter.hunt.SamplePipeline$Found[]"));
    assertFalse(host.keeps("dev.leakhunter.growth.GrowthModel"));
    assertTrue(host.keeps("dev.leakhunter.demo.orders.Order"), "the demo is a host");
    assertTrue(host.keeps("byte[]"));
  }

  @Test
  void ignoredTypesByNameAndByPrefix() {
    HostObjects host = AgentPackages.hostObjects(List.of("com.acme.Cache", "com.acme.metrics.*"));
    assertFalse(host.keeps("com.acme.Cache"));
    assertTrue(host.keeps("com.acme.Cache$Entry"), "an exact name is only that type");
    assertFalse(host.keeps("com.acme.metrics.Counter"));
    assertTrue(host.keeps("com.acme.Order"));
  }

  @Test
  void keptRowsWithTheCensussOwnTotals() {
    Histogram census = new Histogram(List.of(
        new HistogramRow("com.acme.Order", 10, 480, 1),
        new HistogramRow("dev.leakhunter.hunt.Samples", 1, 24, 1),
        new HistogramRow("com.acme.Ignored", 5, 80, 1)), 1_000, 64_000);
    Histogram kept = AgentPackages.hostObjects(List.of("com.acme.Ignored")).of(census);
    List<String> types = new ArrayList<>();
    for (HistogramRow r : kept.rows()) {
      types.add(r.type());
    }
    assertEquals(List.of("com.acme.Order"), types);
    assertEquals(1_000, kept.totalInstances());
    assertEquals(64_000, kept.totalBytes());
  }

  @Test
  void whatTheAgentHeldIsTakenOutNeverBelowZero() {
    Histogram census = new Histogram(List.of(
        new HistogramRow("java.util.ImmutableCollections$ListN", 90, 2_160, 1),
        new HistogramRow("java.lang.String", 3, 72, 1),
        new HistogramRow("com.acme.Order", 10, 480, 1)), 1_000, 64_000);
    Histogram held = new Histogram(List.of(
        new HistogramRow("java.util.ImmutableCollections$ListN", 35, 840, 1),
        new HistogramRow("java.lang.String", 5, 120, 1),
        new HistogramRow("java.util.HashMap", 2, 96, 1)), 42, 1_056);
    Histogram kept = AgentPackages.hostObjects(List.of()).of(census, held);
    assertEquals(List.of(new HistogramRow("java.util.ImmutableCollections$ListN", 55, 1_320, 1),
        new HistogramRow("java.lang.String", 0, 0, 1), new HistogramRow("com.acme.Order", 10, 480, 1)), kept.rows());
    assertEquals(1_000, kept.totalInstances(), "the live heap as it was");
    assertEquals(census.rows(), AgentPackages.hostObjects(List.of()).of(census, null).rows());
  }
}
