package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JvmFactsTest {

  @Test
  void collectorFamiliesFromBeanNames() {
    assertEquals("G1", JvmFacts.collectorFamily("G1 Young Generation;G1 Concurrent GC;G1 Old Generation;"));
    assertEquals("Parallel", JvmFacts.collectorFamily("PS Scavenge;PS MarkSweep;"));
    assertEquals("Serial", JvmFacts.collectorFamily("Copy;MarkSweepCompact;"));
    assertEquals("ZGC", JvmFacts.collectorFamily("ZGC Minor Cycles;ZGC Major Cycles;"));
    assertEquals("Shenandoah", JvmFacts.collectorFamily("Shenandoah Pauses;Shenandoah Cycles;"));
    assertEquals("Odd", JvmFacts.collectorFamily("Odd;"));
  }

  @Test
  void thisJvm() {
    var jvm = JvmFacts.current();
    assertEquals(ProcessHandle.current().pid(), jvm.pid());
    assertEquals(System.getProperty("java.version"), jvm.version());
    assertTrue(jvm.maxHeapBytes() > 0 || jvm.maxHeapBytes() == -1);
  }
}
