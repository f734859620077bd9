package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;

class AgentPackagesTest {

  @Test
  void agentTypesAreRecognized() {
    assertTrue(AgentPackages.isAgentType("dev.leakhunter.growth.GrowthModel"));
    assertTrue(AgentPackages.isAgentType("dev.leakhunter.report.Report$Sample[]"));
    assertTrue(AgentPackages.isAgentType("dev.leakhunter.shaded.bytebuddy.agent.builder.AgentBuilder"));
    assertTrue(AgentPackages.isAgentType("dev.leakhunter.jobs.JobTracker"));
    assertTrue(AgentPackages.isAgentType("dev.leakhunter.common.OwnSort"));
  }

  @Test
  void hostTypesAreNot() {
    assertFalse(AgentPackages.isAgentType("dev.leakhunter.demo.orders.Order"), "the demo is a host");
    assertFalse(AgentPackages.isAgentType("dev.leakhunter.agentx.Foo"));
    assertFalse(AgentPackages.isAgentType("dev.leakhunter.Foo"));
    assertFalse(AgentPackages.isAgentType("byte[]"));
    assertFalse(AgentPackages.isAgentType("com.acme.agent.Worker"));
  }

  @Test
  void everyPackageOfTheAgentIsItsOwn() {
    // A package left out reads as the host's: dev.leakhunter.publish was, and a walk named
    // "static dev.leakhunter.publish.JmxPublisher.ITEMS" as the root of growing Strings.
    File[] packages = new File("target/classes/dev/leakhunter").listFiles(File::isDirectory);
    assertTrue(packages != null && packages.length > 10, "the agent's classes");
    for (File p : packages) {
      assertTrue(AgentPackages.isAgentType("dev.leakhunter." + p.getName() + ".Any"), p.getName());
    }
  }
}
