package dev.leakhunter.census;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeapSizeHoldTest {

  private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
  private String host;

  @BeforeEach
  void hostValue() {
    host = flag();
    vm.setVMOption(HeapSizeHold.FLAG, "60");
  }

  @AfterEach
  void restoreHostValue() {
    vm.setVMOption(HeapSizeHold.FLAG, host);
  }

  @Test
  void neverShrinksDuringTheHoldAndPutsTheHostsValueBack() {
    try (HeapSizeHold hold = HeapSizeHold.hold()) {
      assertEquals("100", flag());
    }
    assertEquals("60", flag());
  }

  @Test
  void overlappingHoldsRestoreOnceTheLastEnds() {
    HeapSizeHold first = HeapSizeHold.hold();
    HeapSizeHold second = HeapSizeHold.hold();
    first.close();
    assertEquals("100", flag(), "the second census still runs");
    second.close();
    assertEquals("60", flag());
  }

  @Test
  void aValueTheHostSetsDuringTheHoldIsKept() {
    try (HeapSizeHold hold = HeapSizeHold.hold()) {
      vm.setVMOption(HeapSizeHold.FLAG, "80");
    }
    assertEquals("80", flag());
  }

  @Test
  void aCensusLeavesTheFlagAsItFoundIt() throws CensusException {
    Census.take();
    assertEquals("60", flag());
  }

  private String flag() {
    return vm.getVMOption(HeapSizeHold.FLAG).getValue();
  }
}
