package com.example;

import dev.leakhunter.junit.LeakHunter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobLeakTest {

  /** What a job should not do: keep something per job in a static field. */
  static final List<byte[]> KEPT = new ArrayList<>();

  /** Fails on purpose: the message names byte[], its growth per job, and the field KEPT that holds it. */
  @Test
  void aJobThatKeepsAKilobyteEachTimeLeaks() {
    LeakHunter.assertNoLeak(() -> KEPT.add(new byte[1024]));
  }

  @Test
  void aJobThatKeepsNothingPasses() {
    LeakHunter.assertNoLeak(() -> {
      List<byte[]> scratch = new ArrayList<>();
      scratch.add(new byte[1024]);
      if (scratch.isEmpty()) {
        throw new AssertionError();
      }
    });
  }
}
