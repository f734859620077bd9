package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceDotTest {

  @Test
  void fileNamesKeepTypeNamesReadable() {
    assertEquals("trace-com.acme.Order.dot", TraceDot.fileName("com.acme.Order"));
    assertEquals("trace-com.acme.Outer$Inner.dot", TraceDot.fileName("com.acme.Outer$Inner"));
    assertEquals("trace-byte__.dot", TraceDot.fileName("byte[]"));
  }

  @Test
  void eachRootIsAChainOfHopsToTheOneTypeNode(@TempDir Path dir) throws Exception {
    List<Report.Root> roots = List.of(
        new Report.Root("static a.Cache.\"MAP\"", List.of("java.util.HashMap.table", "java.util.HashMap$Node[]", "a.Order"), 48),
        new Report.Root("a.Worker.kept (job receiver)", List.of("a.Order"), 0));
    Path file = TraceDot.write(dir, "a.Order", roots);
    String dot = Files.readString(file);
    assertEquals(dir.resolve("trace-a.Order.dot"), file);
    assertTrue(dot.startsWith("digraph \"trace a.Order\" {"), dot);
    assertTrue(dot.contains("n0 [label=\"a.Order\""), dot);
    assertTrue(dot.contains("[label=\"static a.Cache.\\\"MAP\\\"\""), "quotes escaped: " + dot);
    assertTrue(dot.contains("n1 -> n2;\n  n2 -> n3;\n  n3 -> n0 [label=\"48 B/job\"];"), dot);
    assertTrue(dot.contains("n4 -> n0;"), "a root that holds the type directly: " + dot);
    assertTrue(dot.trim().endsWith("}"));
  }
}
