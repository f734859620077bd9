package dev.leakhunter.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.testhost.Shapes;
import org.junit.jupiter.api.Test;

/** Class files newer than the agent's ASM reads: said once, then passed over without a try each. */
class JobWeaverVersionTest {

  private static byte[] withMajor(byte[] bytes, int major) {
    byte[] copy = bytes.clone();
    copy[6] = (byte) (major >> 8);
    copy[7] = (byte) major;
    return copy;
  }

  @Test
  void aClassFileTooNewForAsmIsSaidOnceAndLaterOnesArePassedOver() throws Exception {
    JobWeaverTest.Recorded events = new JobWeaverTest.Recorded();
    JobWeaver weaver = new JobWeaver(JobPattern.parseList("dev.leakhunter.testhost.Shapes$Resettable#work"),
        AgentPackages::isAgentType, events);
    ClassLoader loader = JobWeaverVersionTest.class.getClassLoader();
    byte[] resettable = Shapes.class.getClassLoader()
        .getResourceAsStream("dev/leakhunter/testhost/Shapes$Resettable.class").readAllBytes();
    String name = "dev/leakhunter/testhost/Shapes$Resettable";

    assertNotNull(weaver.transform(loader, name, null, null, resettable), "its own version is woven");
    assertEquals(0, events.failures().size(), events.failures().toString());

    assertNull(weaver.transform(loader, name, null, null, withMajor(resettable, 200)));
    assertEquals(1, events.failures().size(), events.failures().toString());
    assertTrue(events.failures().get(0).contains("class file version 200 is newer than this agent's ASM reads"),
        events.failures().toString());

    assertNull(weaver.transform(loader, name, null, null, withMajor(resettable, 201)));
    assertEquals(1, events.failures().size(), "passed over, not tried and said again: " + events.failures());
    assertNotNull(weaver.transform(loader, name, null, null, resettable), "older versions are still woven");
  }
}
