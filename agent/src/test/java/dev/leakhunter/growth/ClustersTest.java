package dev.leakhunter.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ClustersTest {

  @Test
  void specificityPutsApplicationTypesFirst() {
    assertEquals(0, TypeNames.specificity("com.acme.Session"));
    assertEquals(0, TypeNames.specificity("javafx.Thing"), "only the listed JDK prefixes count");
    assertEquals(1, TypeNames.specificity("com.acme.Session[]"));
    assertEquals(1, TypeNames.specificity("com.acme.AvatarStore$$Lambda$138"), "a lambda names code, not data");
    assertEquals(1, TypeNames.specificity("com.acme.AvatarStore$$Lambda"));
    assertEquals(0, TypeNames.specificity("com.acme.Bus$1"), "an anonymous class is a type of its own");
    assertEquals(2, TypeNames.specificity("java.util.HashMap$Node"));
    assertEquals(2, TypeNames.specificity("javax.management.ObjectName"));
    assertEquals(2, TypeNames.specificity("jdk.internal.ref.CleanerImpl$PhantomCleanableRef"));
    assertEquals(2, TypeNames.specificity("sun.nio.ch.FileChannelImpl"));
    assertEquals(2, TypeNames.specificity("com.sun.proxy.$Proxy12"));
    assertEquals(2, TypeNames.specificity("byte[]"));
    assertEquals(2, TypeNames.specificity("int[][]"));
    assertEquals(2, TypeNames.specificity("java.lang.Object[]"));
  }

  @Test
  void theDemoProcessedLogIsOneLeakLedByTheOrder() {
    // One Order per third job, 1..10 LineItems each, a String per Order and per LineItem (with its
    // byte[]), an ArrayList and Object[] per Order: four rates, one leak.
    Random random = new Random(7);
    long[] jobs = new long[30];
    long[] orders = new long[30];
    long[] items = new long[30];
    long o = 0;
    long it = 0;
    for (int job = 0, s = 0; s < 30; job++) {
      if (job % 3 == 0) {
        o++;
        it += 1 + random.nextInt(10);
      }
      if (job >= 20 && (job - 20) % 20 == 0) {
        jobs[s] = job;
        orders[s] = o;
        items[s] = it;
        s++;
      }
    }
    long[] arrays = add(orders, items, 5_000);
    long[] objectArrays = add(orders, new long[30], 900);
    for (int i = 1; i < 30; i++) {
      arrays[i] += 1_200; // a table built lazily between the first two censuses
    }
    for (int i = 12; i < 30; i++) {
      objectArrays[i] += 150; // the list holding the orders doubled its array
    }
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("byte[]", jobs, arrays, 24),
        fitted("java.lang.String", jobs, add(orders, items, 4_000), 24),
        fitted("dev.acme.LineItem", jobs, items, 32),
        fitted("dev.acme.Order", jobs, orders, 40),
        fitted("java.util.ArrayList", jobs, add(orders, new long[30], 300), 24),
        fitted("java.lang.Object[]", jobs, objectArrays, 56)));
    assertEquals(List.of("dev.acme.Order:1", "byte[]:1", "dev.acme.LineItem:1", "java.lang.String:1",
        "java.lang.Object[]:1", "java.util.ArrayList:1"), typeAndCluster(ranked));
  }

  @Test
  void aLeakThatStartedHalfwayIsASeparateLeak() {
    long[] jobs = grid(40);
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("com.acme.Session", jobs, curve(jobs, j -> j), 48),
        fitted("com.acme.Listener", jobs, curve(jobs, j -> Math.max(0, j - 400)), 24)));
    assertEquals(List.of("com.acme.Session:1", "com.acme.Listener:2"), typeAndCluster(ranked));
  }

  @Test
  void aCacheThatStoppedIsNotInTheLeaksCluster() {
    long[] jobs = grid(40);
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("com.acme.Session", jobs, curve(jobs, j -> j), 48),
        fitted("com.acme.Thumbnail", jobs, curve(jobs, j -> Math.min(j, 300)), 24)));
    assertEquals(List.of("com.acme.Session:1", "com.acme.Thumbnail:2"), typeAndCluster(ranked));
  }

  @Test
  void twoIndependentSteadyLeaksAreMergedTheDocumentedLimit() {
    long[] jobs = grid(40);
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("com.acme.Session", jobs, curve(jobs, j -> j), 48),
        fitted("com.acme.Receipt", jobs, curve(jobs, j -> j / 3), 24)));
    assertEquals(List.of("com.acme.Receipt:1", "com.acme.Session:1"), typeAndCluster(ranked),
        "same shape, same cluster: the fewer per job leads");
  }

  @Test
  void noiseWidensTheToleranceSoUncertainShapesMerge() {
    long[] jobs = grid(12);
    Random random = new Random(3);
    long[] noisy = curve(jobs, j -> j / 10 + random.nextInt(60));
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("com.acme.Session", jobs, curve(jobs, j -> j), 48),
        fitted("java.lang.String", jobs, noisy, 24)));
    assertEquals(List.of("com.acme.Session:1", "java.lang.String:1"), typeAndCluster(ranked));
  }

  @Test
  void oneSpikeInOneTypeDoesNotSplitTheLeak() {
    long[] jobs = grid(11);
    long[] arrays = curve(jobs, j -> 5 * j);
    arrays[3] += 10_000; // in-flight work caught by one census
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("com.acme.Order", jobs, curve(jobs, j -> j / 3), 40),
        fitted("byte[]", jobs, arrays, 24)));
    assertEquals(List.of("com.acme.Order:1", "byte[]:1"), typeAndCluster(ranked));
  }

  @Test
  void aWarmUpJumpInOneTypeDoesNotSplitItFromItsLeak() {
    // The shape of DemoLeaksIT's processed-log run on JDK 17: byte[] jumped between the first two
    // censuses by more than it then grew with the leak.
    long[] jobs = {23, 52, 77, 106, 137, 172, 207, 239, 271, 311, 348, 392, 427, 469, 495, 527, 565, 589};
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("com.acme.Order", jobs, curve(jobs, j -> j / 3), 56),
        fitted("byte[]", jobs, curve(jobs, j -> 26_000 + 5 * j / 2 + (j > 23 ? 1_700 : 0)), 38)));
    assertEquals(List.of("com.acme.Order:1", "byte[]:1"), typeAndCluster(ranked));
  }

  @Test
  void aBytesOnlySuspectJoinsTheLeakItGrowsWith() {
    long[] jobs = grid(30);
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("com.acme.Session", jobs, curve(jobs, j -> j), 48),
        new Clusters.Candidate("char[]", 0, 80, 0.99, series(jobs, new long[30], curve(jobs, j -> 80 * j)))));
    assertEquals(List.of("com.acme.Session:1", "char[]:1"), typeAndCluster(ranked));
  }

  @Test
  void theClusterLedByAnApplicationTypeComesFirstEvenWithFewerBytes() {
    long[] jobs = grid(40);
    List<Suspect> ranked = Clusters.rank(List.of(
        fitted("byte[]", jobs, curve(jobs, j -> Math.max(0, j - 400)), 4_000),
        fitted("com.acme.Session", jobs, curve(jobs, j -> j), 48)));
    assertEquals(List.of("com.acme.Session:1", "byte[]:2"), typeAndCluster(ranked));
  }

  @Test
  void leadIsTheMostSpecificTypeThenTheFewestPerJobThenTheBiggest() {
    // Without series there is no shape to tell apart: one cluster.
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("byte[]", 7.0, 500),
        candidate("java.util.HashMap$Node", 1.0, 32),
        candidate("com.acme.Session[]", 1.0, 64),
        candidate("com.acme.LineItem", 5.5, 176),
        candidate("com.acme.Listener", 1.0, 16),
        candidate("com.acme.Order", 1.0, 40),
        candidate("java.lang.String", 7.0, 168)));
    assertEquals(List.of("com.acme.Order", "byte[]", "com.acme.LineItem", "java.lang.String",
        "com.acme.Session[]", "java.util.HashMap$Node", "com.acme.Listener"), types(ranked));
  }

  @Test
  void aCountedTypeLeadsBeforeABytesOnlyOne() {
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("com.acme.AuditLog", 0, 900),
        candidate("com.acme.Entry", 1.0, 24)));
    assertEquals(List.of("com.acme.Entry", "com.acme.AuditLog"), types(ranked));
  }

  @Test
  void aTypeWithAlmostNoneOfTheBytesDoesNotLead() {
    // CatalogueIT's ByteChunks on JDK 25: a stray Object[] in lockstep with the 1 KiB chunks.
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("java.lang.Object[]", 0.04, 2),
        candidate("byte[]", 1.25, 1_040)));
    assertEquals(List.of("byte[]", "java.lang.Object[]"), types(ranked));
    List<Suspect> share = Clusters.rank(List.of(
        candidate("java.lang.Object[]", 0.04, 40),
        candidate("byte[]", 1.25, 1_040)));
    assertEquals(List.of("java.lang.Object[]", "byte[]"), types(share),
        "a 1/26 share of the bytes still leads by fewest per job");
  }

  @Test
  void aJdkOnlyClusterIsLedByItsFewestPerJob() {
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("java.util.ArrayList", 0.5, 12),
        candidate("java.lang.Object[]", 0.5, 40),
        candidate("java.lang.String", 2.0, 48)));
    assertEquals(List.of("java.lang.Object[]", "java.lang.String", "java.util.ArrayList"), types(ranked));
  }

  @Test
  void progressAndNoiseShare() {
    assertArrayEquals(new double[] {-0.25, 0.25, 0.75, 1.25}, Clusters.progress(new double[] {0, 10, 20, 30}), 1e-9,
        "ends are the medians of the first and last two samples");
    assertEquals(null, Clusters.progress(new double[] {5, 5, 5, 5}));
    assertEquals(0, Clusters.noiseShare(new double[] {0, 10, 20, 30, 40, 50, 60, 70}), 1e-9, "a straight line has no noise");
    assertArrayEquals(new double[] {0, 10, 20, 30, 40, 50}, Clusters.withoutJumps(new long[] {0, 10, 520, 530, 540, 550}), 1e-9,
        "a one-off jump is taken out");
    assertArrayEquals(new double[] {0, 0, 0, 0, 20, 40, 60}, Clusters.withoutJumps(new long[] {0, 0, 0, 0, 20, 40, 60}), 1e-9,
        "a late start is no jump");
  }
  private static Clusters.Candidate candidate(String type, double instancesPerJob, double bytesPerJob) {
    return new Clusters.Candidate(type, instancesPerJob, bytesPerJob, 0.99, List.of());
  }

  /** A suspect with a series, rate and bytes per instance as given. */
  private static Clusters.Candidate fitted(String type, long[] jobs, long[] instances, long bytesEach) {
    long[] bytes = new long[instances.length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = instances[i] * bytesEach;
    }
    double rate = (double) (instances[instances.length - 1] - instances[0]) / (jobs[jobs.length - 1] - jobs[0]);
    return new Clusters.Candidate(type, rate, rate * bytesEach, 0.99, series(jobs, instances, bytes));
  }

  private static List<SeriesPoint> series(long[] jobs, long[] instances, long[] bytes) {
    List<SeriesPoint> points = new ArrayList<>();
    for (int i = 0; i < jobs.length; i++) {
      points.add(new SeriesPoint(jobs[i], instances[i], bytes[i]));
    }
    return points;
  }

  private static long[] grid(int n) {
    long[] jobs = new long[n];
    for (int i = 0; i < n; i++) {
      jobs[i] = 20 + 20L * i;
    }
    return jobs;
  }

  private static long[] curve(long[] jobs, LongUnaryOperator f) {
    long[] y = new long[jobs.length];
    for (int i = 0; i < jobs.length; i++) {
      y[i] = 100 + f.applyAsLong(jobs[i]);
    }
    return y;
  }

  private static long[] add(long[] a, long[] b, long base) {
    long[] y = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      y[i] = base + a[i] + b[i];
    }
    return y;
  }

  private static List<String> types(List<Suspect> suspects) {
    return suspects.stream().map(Suspect::type).collect(Collectors.toList());
  }

  private static List<String> typeAndCluster(List<Suspect> suspects) {
    return suspects.stream().map(s -> s.type() + ":" + s.cluster()).collect(Collectors.toList());
  }
}
