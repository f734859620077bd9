package dev.leakhunter.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.testhost.Holders;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walker on small graphs held the ways leaks are held, in this JVM, with the JDK opened as the agent does. */
class RetentionTest {

  private static Instrumentation inst;
  private static DeepAccess access;

  @BeforeAll
  static void openTheJdk() {
    inst = ByteBuddyAgent.install();
    access = DeepAccess.open(inst);
  }

  @AfterEach
  void clear() {
    Holders.StaticMap.CACHE.clear();
    Holders.Plugins.LOADED.clear();
    Holders.Threads.HELD.clear();
  }

  private static Retention retention() {
    return new Retention(inst, access, AgentPackages::isAgentType, WalkLimits.defaults());
  }

  private static Target target(Class<?> type) {
    return new Target(type.getName(), 32);
  }

  private static Holding first(Explanation e, Class<?> type) {
    List<Holding> found = e.of(type.getName());
    assertFalse(found.isEmpty(), type.getName() + " has no root; notes: " + e.notes());
    return found.get(0);
  }

  @Test
  void theJdkIsOpenedToTheWalkerOnlyNotToTheClassPath() throws Exception {
    assertTrue(access.deep());
    assertFalse(java.util.ArrayList.class.getDeclaredField("elementData").trySetAccessible(),
        "the class path's module gained no deep access to java.base");
  }

  @Test
  void aStaticMapIsNamedWithThePathThroughTheMap() {
    for (int i = 0; i < 5; i++) {
      Holders.StaticMap.CACHE.put("k" + i, new Holders.Payload());
    }
    Holding h = first(retention().explain(10, List.of(target(Holders.Payload.class)), List.of()), Holders.Payload.class);
    assertEquals("static dev.leakhunter.testhost.Holders$StaticMap.CACHE", h.root());
    assertEquals(List.of("java.util.HashMap.table", "java.util.HashMap$Node[]", "java.util.HashMap$Node.value",
        "dev.leakhunter.testhost.Holders$Payload"), h.path());
    assertEquals(5, h.instances());
  }

  @Test
  void aPathThroughOneOfTheAgentsThreadsIsNoPath() {
    // The shutdown-hook table holds the agent's hook thread, whose group lists the agent's other
    // threads: what they keep (their thread-locals) is not the host's.
    Holders.Keeper agents = new Holders.Keeper("leakhunter-sampler");
    agents.kept.add(new Holders.Payload());
    Holders.Threads.HELD.add(agents);
    Explanation e = retention().explain(10, List.of(target(Holders.Payload.class)), List.of());
    assertEquals(List.of(), e.of(Holders.Payload.class.getName()), e.notes().toString());

    Holders.Keeper hosts = new Holders.Keeper("worker-1");
    hosts.kept.add(new Holders.Payload());
    Holders.Threads.HELD.add(hosts);
    Holding h = first(retention().explain(20, List.of(target(Holders.Payload.class)), List.of()), Holders.Payload.class);
    assertEquals("static dev.leakhunter.testhost.Holders$Threads.HELD", h.root());
    assertEquals(1, h.instances());
  }

  @Test
  void aListInAJobReceiverIsNamedAsTheReceiversField() {
    Holders.Receiver receiver = new Holders.Receiver();
    receiver.items.add(new Holders.Payload());
    Holding h = first(retention().explain(10, List.of(target(Holders.Payload.class)), List.of(receiver)),
        Holders.Payload.class);
    assertEquals("dev.leakhunter.testhost.Holders$Receiver.items (job receiver)", h.root());
    assertEquals(List.of("java.util.ArrayList.elementData", "java.lang.Object[]", "dev.leakhunter.testhost.Holders$Payload"),
        h.path());
  }

  @Test
  void theRootWhoseCountGrowsWithJobsComesFirst() {
    Holders.Receiver growing = new Holders.Receiver();
    growing.items.add(new Holders.Payload());
    for (int i = 0; i < 10; i++) {
      Holders.StaticMap.CACHE.put("k" + i, new Holders.Payload()); // more, but flat
    }
    Retention retention = retention();
    List<Target> targets = List.of(target(Holders.Payload.class));
    retention.explain(100, targets, List.of(growing));
    for (int i = 0; i < 5; i++) {
      growing.items.add(new Holders.Payload());
    }
    Explanation e = retention.explain(200, targets, List.of(growing));
    Holding h = first(e, Holders.Payload.class);
    assertEquals("dev.leakhunter.testhost.Holders$Receiver.items (job receiver)", h.root());
    assertEquals(0.05, h.perJob(), 1e-9);
    assertEquals(0.05 * inst.getObjectSize(new Holders.Payload()), h.bytesPerJob(), 1e-9,
        "bytes per job: the growth of the sizes the JVM gives for the instances reached");
    Holding flat = e.of(Holders.Payload.class.getName()).get(1);
    assertEquals("static dev.leakhunter.testhost.Holders$StaticMap.CACHE", flat.root());
    assertEquals(0.0, flat.perJob(), 1e-9);
    assertEquals(10, flat.instances(), "more instances, but it does not grow");
  }

  @Test
  void aBufferGrowingInPlaceIsRankedByItsBytesNotByItsCount() {
    for (int i = 0; i < 20; i++) {
      Holders.StaticMap.CACHE.put("k" + i, new Holders.Payload()); // 20 byte[]s, flat
    }
    // Large from the start: the walk keeps the 64 largest of a type's paths seen once, and a test
    // JVM has many byte[] paths.
    Holders.Buffer.data = new byte[1 << 18];
    Retention retention = retention();
    List<Target> targets = List.of(new Target("byte[]", 0));
    retention.explain(100, targets, List.of());
    Holders.Buffer.data = new byte[1 << 22];
    Explanation e = retention.explain(200, targets, List.of());
    assertFalse(e.of("byte[]").isEmpty(), e.notes().toString());
    Holding h = e.of("byte[]").get(0);
    assertEquals("static dev.leakhunter.testhost.Holders$Buffer.data", h.root(), e.of("byte[]").toString());
    assertEquals(0.0, h.perJob(), 1e-9, "one instance all along");
    double expected = (inst.getObjectSize(Holders.Buffer.data) - inst.getObjectSize(new byte[1 << 18])) / 100.0;
    assertEquals(expected, h.bytesPerJob(), 1e-9);
  }

  @Test
  void aPathNoLongerReachedIsReportedAsLastSeen() {
    Holders.Receiver receiver = new Holders.Receiver();
    Retention retention = retention();
    List<Target> targets = List.of(target(Holders.Payload.class));
    for (int jobs = 100; jobs <= 200; jobs += 100) {
      for (int i = 0; i < 10; i++) {
        receiver.items.add(new Holders.Payload());
      }
      retention.explain(jobs, targets, List.of(receiver));
    }
    // the worker is gone (the host shuts down): the walk reaches no Payload
    Explanation e = retention.explain(300, targets, List.of());
    Holding h = first(e, Holders.Payload.class);
    assertEquals("dev.leakhunter.testhost.Holders$Receiver.items (job receiver)", h.root());
    assertEquals(200, h.lastSeenJobs());
    assertEquals(0, h.instances(), "not reached now");
    assertEquals(0.1, h.perJob(), 1e-9);
    assertTrue(e.notes().stream().anyMatch(n -> n.contains("last seen at job 200")), e.notes().toString());
    for (int jobs = 400; jobs <= 100 * (3 + Retention.STALE_WALKS); jobs += 100) {
      e = retention.explain(jobs, targets, List.of());
    }
    assertTrue(e.of(Holders.Payload.class.getName()).isEmpty(), "forgotten after " + Retention.STALE_WALKS + " walks");
  }

  @Test
  void aThreadLocalNamesTheThreadAndTheStaticFieldOfTheThreadLocal() throws Exception {
    Thread t = Holders.threadWithLocal("tl-holder-1");
    try {
      while (t.getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
      Holders.Locals.CURRENT.get(); // initialized, so its static is read
      Holding h = first(retention().explain(10, List.of(target(Holders.LocalPayload.class)), List.of()),
          Holders.LocalPayload.class);
      assertEquals("thread 'tl-holder-1'", h.root());
      assertTrue(h.path().contains("java.lang.Thread.threadLocals"), h.path().toString());
      assertTrue(h.path().contains("java.lang.ThreadLocal$ThreadLocalMap$Entry.value "
          + "(ThreadLocal dev.leakhunter.testhost.Holders$Locals.CURRENT)"), h.path().toString());
    } finally {
      t.interrupt();
    }
  }

  @Test
  void leakedThreadsAreNamedWithWhereTheyWait() throws Exception {
    Thread[] threads = {new Holders.ParkedThread("parked-7"), new Holders.ParkedThread("parked-8")};
    try {
      for (Thread t : threads) {
        t.start();
      }
      for (Thread t : threads) {
        while (t.getState() != Thread.State.WAITING) {
          LockSupport.parkNanos(1_000_000);
        }
      }
      Holding h = first(retention().explain(10, List.of(target(Holders.ParkedThread.class)), List.of()),
          Holders.ParkedThread.class);
      assertTrue(h.root().startsWith("2 threads 'parked-N' (parked-7, parked-8) at "), h.root());
      assertTrue(h.root().contains("ParkedThread.waitHere"), h.root());
      assertEquals(2, h.instances());
    } finally {
      for (Thread t : threads) {
        t.interrupt();
      }
    }
  }

  @Test
  void aClassLoaderIsReachedThroughItsClassesInstances() throws Exception {
    for (int i = 0; i < 3; i++) {
      Holders.Plugins.LOADED.add(new Holders.PluginLoader().newPlugin());
    }
    Explanation e = retention().explain(10,
        List.of(target(Holders.PluginLoader.class), target(Holders.Plugin.class)), List.of());
    Holding loader = first(e, Holders.PluginLoader.class);
    assertEquals("static dev.leakhunter.testhost.Holders$Plugins.LOADED", loader.root());
    assertEquals(List.of("java.util.ArrayList.elementData", "java.lang.Object[]",
        "dev.leakhunter.testhost.Holders$Plugin.<class>",
        "java.lang.Class(dev.leakhunter.testhost.Holders$Plugin).<loader>",
        "dev.leakhunter.testhost.Holders$PluginLoader"), loader.path());
    assertEquals(3, loader.instances());
    // the leaked classes' instances are counted, one per loader
    assertEquals(3, first(e, Holders.Plugin.class).instances());
  }

  @Test
  void classesGeneratedPerJobUnderGeneratedNamesAreOnePath() throws Exception {
    for (int i = 0; i < 3; i++) {
      Holders.Plugins.LOADED.add(new Holders.TemplateLoader().compile("Tpl000010" + i));
    }
    Explanation e = retention().explain(10, List.of(target(Holders.TemplateLoader.class)), List.of());
    List<Holding> found = e.of(Holders.TemplateLoader.class.getName());
    assertEquals(1, found.size(), "one root, one line: " + found);
    assertEquals(List.of("java.util.ArrayList.elementData", "java.lang.Object[]",
        "dev.leakhunter.testhost.tmpl.Tpl*.<class>", "java.lang.Class(dev.leakhunter.testhost.tmpl.Tpl*).<loader>",
        "dev.leakhunter.testhost.Holders$TemplateLoader"), found.get(0).path());
    assertEquals(3, found.get(0).instances());
  }

  @Test
  void generatedCountersCollapseAndOrdinaryNumbersStay() {
    assertEquals("com.acme.tmpl.Tpl*", GeneratedNames.collapse("com.acme.tmpl.Tpl0000105"));
    assertEquals("jdk.proxy2.$Proxy*", GeneratedNames.collapse("jdk.proxy2.$Proxy17"));
    assertEquals("jdk.internal.reflect.GeneratedMethodAccessor*",
        GeneratedNames.collapse("jdk.internal.reflect.GeneratedMethodAccessor42"));
    assertEquals("com.acme.Tpl*$Row[]", GeneratedNames.collapse("com.acme.Tpl20240101$Row[]"));
    assertEquals("com.acme.Sha256", GeneratedNames.collapse("com.acme.Sha256"));
    assertEquals("com.acme.v2024.Job", GeneratedNames.collapse("com.acme.v2024.Job"));
    assertEquals("com.acme.Worker$$Lambda$14", GeneratedNames.collapse("com.acme.Worker$$Lambda$14"));
  }

  @Test
  void theWalkStopsAtItsObjectCapAndSaysSo() {
    Retention small = new Retention(inst, access, AgentPackages::isAgentType, new WalkLimits(1_000, 10_000_000_000L, 1_000));
    Explanation e = small.explain(10, List.of(target(Holders.Payload.class)), List.of());
    assertEquals(1_000, e.visited());
    assertTrue(e.notes().stream().anyMatch(n -> n.contains("cap of 1000 objects")), e.notes().toString());
  }

  @Test
  void aLargeRootIsCutOffAndNamed() {
    for (int i = 0; i < 200; i++) {
      Holders.StaticMap.CACHE.put("k" + i, new Holders.Payload());
    }
    Retention small = new Retention(inst, access, AgentPackages::isAgentType, new WalkLimits(1_000_000, 10_000_000_000L, 100));
    Explanation e = small.explain(10, List.of(target(Holders.Payload.class)), List.of());
    assertTrue(e.notes().contains("static dev.leakhunter.testhost.Holders$StaticMap.CACHE was cut off after 100 objects"),
        e.notes().toString());
  }

  @Test
  void threadsNamedAlikeShareAPattern() {
    assertEquals("pool-N-thread-N", Retention.digitsAsN("pool-3-thread-17"));
    assertEquals("N worker N", Retention.digitsAsN("42 worker 007"));
    assertEquals("no digits", Retention.digitsAsN("no digits"));
  }
}
