package dev.leakhunter.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.testhost.Allocators;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following a type's constructors in this JVM, with real retransformation, as the agent does. */
class AllocationTrackingTest {

  private static final String ORDER = Allocators.Order.class.getName();
  private static Instrumentation inst;
  private AllocationTracking tracking;

  @BeforeAll
  static void install() {
    inst = ByteBuddyAgent.install();
  }

  @BeforeEach
  void create() {
    tracking = new AllocationTracking(inst, AgentPackages::isAgentType);
  }

  @AfterEach
  void reset() {
    tracking.reset();
    Allocators.KEPT.clear();
  }

  /** What a census does for the sites: a full GC, then the survivors are read. */
  private void census() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    tracking.afterCensus();
  }

  @Test
  void aSiteIsItsCallersFramesWithFileAndLine() {
    tracking.follow(List.of(ORDER));
    assertEquals(List.of(ORDER), tracking.followed());
    Allocators.drop(500);
    census();

    List<Site> sites = tracking.sites(ORDER);
    assertEquals(1, sites.size(), sites.toString());
    Site dropped = sites.get(0);
    assertEquals("dev.leakhunter.testhost.Allocators.drop(Allocators.java:39)", dropped.frames().get(0),
        "a this(...) chain is skipped: the site is the caller of the outermost constructor");
    assertEquals(0, dropped.survivors(), "the dropping site's instances are gone");
    assertEquals(TypeSites.MAX_FRAMES, dropped.frames().size(), "the frames go on to the callers: " + dropped.frames());
  }

  @Test
  void onlyTheSitesWhoseInstancesSurviveAreReportedOnceOneDoes() {
    tracking.follow(List.of(ORDER));
    Allocators.drop(500);
    Allocators.keep(500);
    census();

    List<Site> sites = tracking.sites(ORDER);
    assertEquals(1, sites.size(), "the transient site is left out: " + sites);
    Site kept = sites.get(0);
    assertEquals("dev.leakhunter.testhost.Allocators.keep(Allocators.java:31)", kept.frames().get(0));
    assertEquals(TypeSites.KEPT_PER_SITE, kept.survivors(), "every sampled instance of the keeping site is alive");

    Allocators.KEPT.clear(); // the host tears down at exit
    census();
    assertEquals(TypeSites.KEPT_PER_SITE, tracking.sites(ORDER).get(0).survivors(),
        "the most seen alive after a census is kept");
  }

  @Test
  void samplingThinsOutAsConstructionsAddUp() {
    tracking.follow(List.of(ORDER));
    Allocators.keep(TypeSites.FIRST);
    assertEquals(TypeSites.FIRST, tracking.sites(ORDER).get(0).sampled(), "the first ones are all sampled");
    Allocators.KEPT.clear();
    Allocators.keep(64 * 1024 - TypeSites.FIRST);
    // 64 for the first 64, then 64 per doubling up to 65,536: 10 doublings
    long sampled = tracking.sites(ORDER).get(0).sampled();
    assertTrue(sampled >= 600 && sampled <= 720, "sampled " + sampled + " of 65,536");
  }

  @Test
  void resetRestoresTheOriginalConstructors() {
    tracking.follow(List.of(ORDER));
    Allocators.drop(10);
    assertEquals(10, tracking.sites(ORDER).get(0).sampled(), "each instance of a this(...) chain sampled once");
    tracking.reset();
    assertEquals(List.of(), tracking.followed());
    assertEquals(List.of(), tracking.sites(ORDER));
    // Were the advice still woven in, a table for the type would now fill.
    AllocationSites.track(Allocators.Order.class);
    try {
      Allocators.drop(10);
      assertEquals(List.of(), AllocationSites.sitesOf(ORDER));
    } finally {
      AllocationSites.clear();
    }
  }

  @Test
  void followsApplicationClassesOnly() {
    Runnable lambda = () -> { };
    tracking.follow(List.of("java.lang.String", "byte[]", Site.class.getName(), "no.such.Type",
        lambda.getClass().getName(), Runnable.class.getName()));
    assertEquals(List.of(), tracking.followed(), "JDK types, arrays, the agent's own, unknown, hidden, interfaces");
  }
}
