package dev.leakhunter.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.agent.AgentPackages;
import dev.leakhunter.testhost.Allocators;
import dev.leakhunter.testhost.Parcels;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following a type's constructors in this JVM, with real retransformation, as the agent does. */
class AllocationTrackingTest {

  private static final String ORDER = Allocators.Order.class.getName();
  private static final String PARCEL = Parcels.Parcel.class.getName();
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
    // Were the call still woven in, a table for the type would now fill.
    AllocationSites.track(Allocators.Order.class);
    try {
      Allocators.drop(10);
      assertEquals(List.of(), AllocationSites.sitesOf(ORDER));
      // Nor is the weaver left registered: a later retransformation keeps the original bytes.
      inst.retransformClasses(Allocators.Order.class);
      Allocators.drop(10);
      assertEquals(List.of(), AllocationSites.sitesOf(ORDER));
    } catch (UnmodifiableClassException e) {
      throw new AssertionError(e);
    } finally {
      AllocationSites.clear();
    }
    tracking.follow(List.of(ORDER));
    Allocators.drop(10);
    assertEquals(10, tracking.sites(ORDER).get(0).sampled(), "followed again after a reset");
  }

  /** The sampled instances per calling method of Parcels, the sites' first frame. */
  private Map<String, Long> sampledByCaller() {
    Map<String, Long> byCaller = new TreeMap<>();
    String prefix = Parcels.class.getName() + ".";
    for (Site s : tracking.sites(PARCEL)) {
      String frame = s.frames().get(0);
      assertTrue(frame.startsWith(prefix), "the site is the caller of the outermost constructor: " + frame);
      byCaller.merge(frame.substring(prefix.length(), frame.indexOf('(')), s.sampled(), Long::sum);
    }
    return byCaller;
  }

  @Test
  void everyConstructorRecordsEachInstanceOnceAtItsCallerAndStillWorks() {
    tracking.follow(List.of(PARCEL));
    assertEquals(List.of(PARCEL), tracking.followed(), tracking.failures().toString());
    List<Parcels.Parcel> kept = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      kept.add(Parcels.full());
      kept.add(Parcels.chained());
      kept.add(Parcels.parsed("12"));
      kept.add(Parcels.parsed("twelve"));
      kept.add(Parcels.ofKind('a'));
      kept.add(Parcels.labelled("b"));
    }
    assertEquals(Map.of("chained", 5L, "full", 5L, "labelled", 5L, "ofKind", 5L, "parsed", 10L), sampledByCaller(),
        "one record per instance, also for this(...) chains two deep");
    assertEquals("five", kept.get(0).label);
    assertEquals("none", kept.get(1).label, "the early return still returns");
    assertEquals(1, kept.get(1).weight);
    assertEquals(12, kept.get(2).weight);
    assertEquals(-1, kept.get(3).weight, "the constructor's own handler still catches");
    assertEquals('a', kept.get(4).weight);
    assertEquals("b", kept.get(5).label);
  }

  @Test
  void aConstructorThatThrowsRecordsNothing() {
    tracking.follow(List.of(PARCEL));
    assertThrows(IllegalArgumentException.class, () -> Parcels.ofKind('!'));
    assertThrows(IllegalArgumentException.class, () -> Parcels.labelled(""),
        "its this(...) returned normally, then it threw");
    assertEquals(Map.of(), sampledByCaller());
    Parcels.Parcel p = Parcels.ofKind('a');
    assertEquals(Map.of("ofKind", 1L), sampledByCaller(), "the same constructor, returning, records " + p);
  }

  @Test
  void aClassWhoseLoaderCannotSeeTheAgentIsRefusedWithAReasonAndRunsAsItWas() throws Exception {
    // Named, not referenced: only the isolated loader below ever loads it.
    String isolatedName = "dev.leakhunter.testhost.Isolated";
    URL testClasses = Allocators.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
      Class<?> c = isolated.loadClass(isolatedName);
      assertFalse(ConstructorWeaver.seesAgent(isolated));
      tracking.follow(List.of(isolatedName));
      assertEquals(List.of(), tracking.followed());
      List<String> failures = tracking.failures();
      assertEquals(1, failures.size(), failures.toString());
      assertTrue(failures.get(0).startsWith(isolatedName + ": ") && failures.get(0).contains("does not see the agent"),
          failures.get(0));
      assertEquals(1, c.getField("n").get(c.getConstructor().newInstance()), "not woven, runs as it was");
      tracking.follow(List.of(isolatedName));
      assertEquals(1, tracking.failures().size(), "refused once, not tried again");
    }
  }

  @Test
  void aConstructorThatReusesLocalZeroIsRefusedAndRunsAsItWas() throws Exception {
    String name = "dev.leakhunter.testhost.LocalZero";
    byte[] bytes = localZero(name.replace('.', '/'));
    Class<?> c = new ClassLoader(AllocationTrackingTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(name, bytes, 0, bytes.length);
      }
    }.define();
    tracking.follow(List.of(name));
    assertEquals(List.of(), tracking.followed());
    assertTrue(tracking.failures().get(0).contains("stores into local 0"), tracking.failures().toString());
    c.getConstructor().newInstance();
  }

  /** public class NAME { public NAME() { super(); this = this; } } in bytecode, which javac never makes. */
  private static byte[] localZero(String internalName) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
        internalName, null, "java/lang/Object", null);
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitVarInsn(Opcodes.ASTORE, 0);
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  @Test
  void followsApplicationClassesOnly() {
    Runnable lambda = () -> { };
    tracking.follow(List.of("java.lang.String", "byte[]", Site.class.getName(), "no.such.Type",
        lambda.getClass().getName(), Runnable.class.getName()));
    assertEquals(List.of(), tracking.followed(), "JDK types, arrays, the agent's own, unknown, hidden, interfaces");
  }
}
