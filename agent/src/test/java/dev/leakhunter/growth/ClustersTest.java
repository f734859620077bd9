package dev.leakhunter.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ClustersTest {

  @Test
  void specificityPutsApplicationTypesFirst() {
    assertEquals(0, TypeNames.specificity("com.acme.Session"));
    assertEquals(0, TypeNames.specificity("javafx.Thing"), "only the listed JDK prefixes count");
    assertEquals(1, TypeNames.specificity("com.acme.Session[]"));
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
  void ratesWithinFifteenPercentOfTheFastestShareACluster() {
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("com.acme.A", 1.00, 100),
        candidate("com.acme.B", 0.86, 10),
        candidate("com.acme.C", 0.84, 10)));
    assertEquals(List.of("com.acme.A:1", "com.acme.B:1", "com.acme.C:2"), typeAndCluster(ranked));
  }

  @Test
  void ratesDoNotChainIntoOneCluster() {
    // Each 10% below the last: 0.81 is more than 15% below the cluster's first member.
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("com.acme.A", 1.0, 10),
        candidate("com.acme.B", 0.9, 10),
        candidate("com.acme.C", 0.81, 10)));
    assertEquals(List.of("com.acme.A:1", "com.acme.B:1", "com.acme.C:2"), typeAndCluster(ranked));
  }

  @Test
  void bytesOnlySuspectsClusterByBytesPerJobApartFromCountedOnes() {
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("com.acme.Session", 1.0, 48),
        candidate("byte[]", 0, 1_000),
        candidate("char[]", 0, 950),
        candidate("java.lang.Object[]", 0, 40)));
    assertEquals(List.of("byte[]:1", "char[]:1", "com.acme.Session:2", "java.lang.Object[]:3"),
        typeAndCluster(ranked));
  }

  @Test
  void leadIsTheMostSpecificTypeThenTheBiggest() {
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("byte[]", 1.0, 500),
        candidate("java.util.HashMap$Node", 1.0, 32),
        candidate("com.acme.Session[]", 1.0, 64),
        candidate("com.acme.Session", 1.0, 24),
        candidate("java.lang.String", 1.0, 24)));
    assertEquals(List.of("com.acme.Session", "byte[]", "com.acme.Session[]",
        "java.util.HashMap$Node", "java.lang.String"), types(ranked));
  }

  @Test
  void aJdkOnlyClusterIsLedByItsBiggestType() {
    List<Suspect> ranked = Clusters.rank(List.of(
        candidate("java.util.ArrayList", 0.5, 12),
        candidate("java.lang.Object[]", 0.5, 40)));
    assertEquals(List.of("java.lang.Object[]", "java.util.ArrayList"), types(ranked));
  }

  private static Clusters.Candidate candidate(String type, double instancesPerJob, double bytesPerJob) {
    return new Clusters.Candidate(type, instancesPerJob, bytesPerJob, 0.99, List.of());
  }

  private static List<String> types(List<Suspect> suspects) {
    return suspects.stream().map(Suspect::type).collect(Collectors.toList());
  }

  private static List<String> typeAndCluster(List<Suspect> suspects) {
    return suspects.stream().map(s -> s.type() + ":" + s.cluster()).collect(Collectors.toList());
  }
}
