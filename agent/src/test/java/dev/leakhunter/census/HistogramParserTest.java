package dev.leakhunter.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistogramParserTest {

  // --- real captures: see src/test/resources/histograms/README.md for the program behind them ---

  @Test
  void jdk17FixtureRowsAreJavaNamesWithRealCounts() {
    Histogram h = HistogramParser.parse(fixture("jdk17.txt"));

    assertEquals(29531, h.totalInstances());
    assertEquals(1281976, h.totalBytes());
    // 330 rows in the file, the two dup.Twin rows fold into one.
    assertEquals(329, h.rows().size());
    assertEquals(new HistogramRow("byte[]", 7619, 348824, 1), h.rows().get(0));
    assertRow(h, "Fixture$Point", 1234, 29616, 1);
    assertRow(h, "Fixture$1", 77, 1232, 1);
    assertRow(h, "java.lang.Object[]", 1055, 107136, 1);
    assertRow(h, "int[][]", 56, 1816, 1);
    assertRow(h, "double[][][]", 44, 1056, 1);
    assertRow(h, "boolean[]", 32, 1008, 1);
    assertRow(h, "java.lang.String[][]", 23, 552, 1);
    assertRow(h, "Fixture$Point[][]", 25, 600, 1);
    assertRow(h, "java.util.concurrent.ConcurrentHashMap$Node[]", 44, 26304, 1);
  }

  @Test
  void jdk17LambdasKeepTheirNumberAndLoseTheirAddress() {
    Histogram h = HistogramParser.parse(fixture("jdk17.txt"));

    assertRow(h, "Fixture$$Lambda$1", 321, 5136, 1);
    assertRow(h, "Fixture$$Lambda$2", 123, 1968, 1);
    assertRow(h, "java.lang.ProcessHandleImpl$$Lambda$3", 1, 16, 1);
    assertRow(h, "Fixture$HiddenTemplate", 19, 456, 1);
    assertRow(h, "Fixture$HiddenTemplate[]", 30, 720, 1);
    assertRow(h, "Fixture$HiddenTemplate[][]", 13, 312, 1);
    assertNoRawJvmNames(h);
  }

  @Test
  void jdk25FixtureRowsAreJavaNamesWithRealCounts() {
    Histogram h = HistogramParser.parse(fixture("jdk25.txt"));

    assertEquals(34121, h.totalInstances());
    assertEquals(1492480, h.totalBytes());
    // 396 rows in the file: dup.Twin folds, and so do the two Fixture lambdas.
    assertEquals(394, h.rows().size());
    assertEquals(new HistogramRow("byte[]", 9002, 397672, 1), h.rows().get(0));
    assertRow(h, "Fixture$Point", 1234, 29616, 1);
    assertRow(h, "Fixture$1", 77, 1232, 1);
    assertRow(h, "int[][]", 55, 1760, 1);
    assertRow(h, "double[][][]", 44, 1056, 1);
    assertRow(h, "java.lang.String[][]", 23, 552, 1);
    assertRow(h, "Fixture$HiddenTemplate", 19, 456, 1);
    assertRow(h, "Fixture$HiddenTemplate[]", 30, 720, 1);
    assertRow(h, "Fixture$HiddenTemplate[][]", 13, 312, 1);
    // A CDS-archived lambda: its address is short ("/0x80000004b").
    assertRow(h, "jdk.internal.classfile.impl.ClassFileImpl$$Lambda", 1, 16, 1);
    assertNoRawJvmNames(h);
  }

  @Test
  void jdk25FoldsEveryLambdaOfAClassIntoOneRow() {
    Histogram h = HistogramParser.parse(fixture("jdk25.txt"));

    // 321 IntSupplier + 123 Supplier lambdas: two hidden classes, one name on 25.
    assertRow(h, "Fixture$$Lambda", 321 + 123, 5136 + 1968, 2);
  }

  @Test
  void sameNameFromTwoClassLoadersIsOneRowWithTwoLoaders() {
    for (String file : List.of("jdk17.txt", "jdk25.txt")) {
      Histogram h = HistogramParser.parse(fixture(file));

      // 7 instances from loader twinA, 11 from twinB, 24 bytes each.
      assertRow(h, "dup.Twin", 18, 432, 2);
      Set<String> folded = h.rows().stream().filter(r -> r.loaders() > 1)
          .map(HistogramRow::type).collect(Collectors.toSet());
      assertEquals(file.equals("jdk17.txt") ? Set.of("dup.Twin") : Set.of("dup.Twin", "Fixture$$Lambda"),
          folded, file);
    }
  }

  @Test
  void fixtureRowsAreSortedAndAddUpToTheTotalLine() {
    for (String file : List.of("jdk17.txt", "jdk25.txt")) {
      Histogram h = HistogramParser.parse(fixture(file));

      // The fixtures are whole captures, so no row may be lost or counted twice.
      assertEquals(h.totalInstances(), h.rows().stream().mapToLong(HistogramRow::instances).sum(), file);
      assertEquals(h.totalBytes(), h.rows().stream().mapToLong(HistogramRow::bytes).sum(), file);
      for (int i = 1; i < h.rows().size(); i++) {
        assertTrue(h.rows().get(i - 1).bytes() >= h.rows().get(i).bytes(), file + " row " + i);
      }
    }
  }

  // --- synthetic: robustness ---

  private static final String HEADER = " num     #instances         #bytes  class name (module)\n"
      + "-------------------------------------------------------\n";

  @Test
  void foldsSortsAndBreaksTiesByName() {
    Histogram h = HistogramParser.parse(HEADER
        + "   1:            10            160  b.Same\n"
        + "   2:             4             64  a.Other\n"
        + "   3:             2             32  b.Same\n"
        + "   4:             1            192  a.Tie\n"
        + "Total            17            448\n");

    assertEquals(List.of(
        new HistogramRow("a.Tie", 1, 192, 1),
        new HistogramRow("b.Same", 12, 192, 2),
        new HistogramRow("a.Other", 4, 64, 1)), h.rows());
    assertEquals(17, h.totalInstances());
    assertEquals(448, h.totalBytes());
  }

  @Test
  void skipsNoiseAndOddLinesWithoutThrowing() {
    Histogram h = HistogramParser.parse("4242:\r\n"
        + HEADER.replace("\n", "\r\n")
        + "\r\n"
        + "   1:           100           1600  java.lang.String (java.base@17.0.15)\r\n"
        + "   2:    garbage line\r\n"
        + "   3:  99999999999999999999999  16  too.Big\r\n"
        + "   4:             5             80  with.Trailing (mod) extra\r\n"
        + "      completely unrelated text\r\n"
        + "   5:             3             48  [Lcom.acme.Job; (com.acme@1.0)\r\n"
        + "   6:             2             32  com.acme.NoModule   \r\n"
        + "\r\n"
        + "Total           110           1760\r\n");

    assertEquals(List.of(
        new HistogramRow("java.lang.String", 100, 1600, 1),
        new HistogramRow("com.acme.Job[]", 3, 48, 1),
        new HistogramRow("com.acme.NoModule", 2, 32, 1)), h.rows());
    assertEquals(110, h.totalInstances());
  }

  @Test
  void withoutATotalLineTotalsAreTheSumOfTheRows() {
    Histogram h = HistogramParser.parse(HEADER
        + "   1:            10            160  a.A\n"
        + "   2:             3             48  [I (java.base@25.0.3)\n");

    assertEquals(13, h.totalInstances());
    assertEquals(208, h.totalBytes());
  }

  @Test
  void anEmptyHeapIsAHistogram() {
    Histogram h = HistogramParser.parse(HEADER + "Total 0 0\n");

    assertEquals(List.of(), h.rows());
    assertEquals(0, h.totalBytes());
  }

  @Test
  void textWithoutAHistogramIsRejectedWithTheTextInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HistogramParser.parse("4242:\nCould not find command GC.class_histogram\n"));
    assertTrue(e.getMessage().contains("not a GC.class_histogram"), e.getMessage());
    assertTrue(e.getMessage().contains("Could not find command"), e.getMessage());

    assertThrows(IllegalArgumentException.class, () -> HistogramParser.parse(HEADER));
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> HistogramParser.parse(""));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
  }

  // --- helpers ---

  private static void assertRow(Histogram h, String type, long instances, long bytes, int loaders) {
    Optional<HistogramRow> row = h.rows().stream().filter(r -> r.type().equals(type)).findFirst();
    assertTrue(row.isPresent(), () -> "no row " + type);
    assertEquals(new HistogramRow(type, instances, bytes, loaders), row.get());
  }

  private static void assertNoRawJvmNames(Histogram h) {
    Map<String, HistogramRow> byType =
        h.rows().stream().collect(Collectors.toMap(HistogramRow::type, Function.identity()));
    assertEquals(h.rows().size(), byType.size(), "types are unique");
    for (String type : byType.keySet()) {
      assertFalse(type.contains("/0x"), type);
      assertFalse(type.startsWith("["), type);
      assertFalse(type.contains(" "), type);
    }
  }

  static String fixture(String name) {
    try (InputStream in = HistogramParserTest.class.getResourceAsStream("/histograms/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /histograms/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
