package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir
  Path tmp;

  @Test
  void writesEachFormatCompletelyInUtf8AndCreatesTheDirectory() throws IOException {
    Path dir = tmp.resolve("out/leakhunter");
    Report r = Reports.withSuspect("com.acme.Caf\u00e9", "static com.acme.\u0424.f", "a.B.c(B.java:1)");
    List<Path> written = ReportWriter.write(dir, r, EnumSet.allOf(ReportFormat.class));
    assertEquals(List.of(dir.resolve("leakhunter-report.json"), dir.resolve("leakhunter-report.txt"),
        dir.resolve("leakhunter-report.html")), written);
    assertEquals(ReportJson.write(r), Files.readString(dir.resolve("leakhunter-report.json"), StandardCharsets.UTF_8));
    assertEquals(r, ReportJson.read(Files.readString(dir.resolve("leakhunter-report.json"))));
    assertEquals(TextReport.render(r), Files.readString(dir.resolve("leakhunter-report.txt"), StandardCharsets.UTF_8));
    assertEquals(HtmlReport.render(r), Files.readString(dir.resolve("leakhunter-report.html"), StandardCharsets.UTF_8));
    assertEquals(Set.of("leakhunter-report.json", "leakhunter-report.txt", "leakhunter-report.html"), names(dir));
  }

  @Test
  void writesOnlyTheFormatsAskedFor() throws IOException {
    List<Path> written = ReportWriter.write(tmp, Reports.noLeak(), EnumSet.of(ReportFormat.TXT));
    assertEquals(List.of(tmp.resolve("leakhunter-report.txt")), written);
    assertEquals(Set.of("leakhunter-report.txt"), names(tmp));
    assertEquals(List.of(), ReportWriter.write(tmp, Reports.noLeak(), Set.of()));
  }

  @Test
  void overwritesAnEarlierReport() throws IOException {
    ReportWriter.write(tmp, Reports.leak(), EnumSet.of(ReportFormat.JSON));
    ReportWriter.write(tmp, Reports.inconclusive(), EnumSet.of(ReportFormat.JSON));
    assertEquals(Reports.inconclusive(), ReportJson.read(Files.readString(tmp.resolve("leakhunter-report.json"))));
    assertEquals(Set.of("leakhunter-report.json"), names(tmp));
  }

  @Test
  void movesAtomicallyOverTheOldFile() throws IOException {
    List<List<Object>> moves = new ArrayList<>();
    ReportWriter.write(tmp, Reports.leak(), EnumSet.of(ReportFormat.TXT), (source, target, options) -> {
      moves.add(List.of(source.getParent(), source.getFileName().toString(), target, Arrays.asList(options)));
      Files.move(source, target, options);
    });
    assertEquals(1, moves.size());
    List<Object> move = moves.get(0);
    assertEquals(tmp, move.get(0), "temp file in the report's own directory, so the rename stays on one file system");
    assertTrue(((String) move.get(1)).startsWith(".leakhunter-report.txt."), move.toString());
    assertEquals(tmp.resolve("leakhunter-report.txt"), move.get(2));
    assertEquals(List.of(StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING), move.get(3));
  }

  @Test
  void fallsBackToAPlainReplaceWhereAtomicMovesAreUnsupported() throws IOException {
    Files.writeString(tmp.resolve("leakhunter-report.txt"), "old");
    List<List<?>> attempts = new ArrayList<>();
    ReportWriter.write(tmp, Reports.leak(), EnumSet.of(ReportFormat.TXT), (source, target, options) -> {
      attempts.add(Arrays.asList(options));
      if (Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
        throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "not here");
      }
      Files.move(source, target, options);
    });
    assertEquals(List.of(List.of(StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING),
        List.of(StandardCopyOption.REPLACE_EXISTING)), attempts);
    assertEquals(TextReport.render(Reports.leak()), Files.readString(tmp.resolve("leakhunter-report.txt")));
    assertEquals(Set.of("leakhunter-report.txt"), names(tmp));
  }

  @Test
  void aFailedMoveLeavesNoTempFileAndNamesTheFile() throws IOException {
    Files.writeString(tmp.resolve("leakhunter-report.json"), "old");
    IOException e = assertThrows(IOException.class, () -> ReportWriter.write(tmp, Reports.leak(),
        EnumSet.of(ReportFormat.JSON), (source, target, options) -> {
          throw new java.nio.file.AccessDeniedException(target.toString());
        }));
    assertEquals("cannot write report " + tmp.resolve("leakhunter-report.json") + ": AccessDeniedException: "
        + tmp.resolve("leakhunter-report.json"), e.getMessage());
    assertEquals(Set.of("leakhunter-report.json"), names(tmp));
    assertEquals("old", Files.readString(tmp.resolve("leakhunter-report.json")), "the old report is untouched");
  }

  @Test
  void aReportPathThatIsADirectoryFailsCleanlyOnTheRealFileSystem() throws IOException {
    Path blocker = tmp.resolve("leakhunter-report.txt");
    Files.createDirectories(blocker.resolve("inside"));
    IOException e = assertThrows(IOException.class,
        () -> ReportWriter.write(tmp, Reports.leak(), EnumSet.of(ReportFormat.TXT)));
    assertTrue(e.getMessage().startsWith("cannot write report " + blocker + ": "), e.getMessage());
    assertEquals(Set.of("leakhunter-report.txt"), names(tmp), "no temp file left behind");
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsNamed() throws IOException {
    Path file = tmp.resolve("not-a-dir");
    Files.writeString(file, "x");
    IOException e = assertThrows(IOException.class,
        () -> ReportWriter.write(file.resolve("sub"), Reports.leak(), EnumSet.of(ReportFormat.JSON)));
    assertTrue(e.getMessage().startsWith("cannot create report directory " + file.resolve("sub") + ": "), e.getMessage());
  }

  @Test
  void concurrentWritersEachLeaveACompleteReport() throws Exception {
    Report a = Reports.leak();
    Report b = Reports.noLeak();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < 4; t++) {
      Report r = t % 2 == 0 ? a : b;
      threads.add(new Thread(() -> {
        try {
          for (int i = 0; i < 25; i++) {
            ReportWriter.write(tmp, r, EnumSet.of(ReportFormat.JSON));
            // A reader at any moment sees one whole report or the other, never a mix or a fragment.
            Report seen = ReportJson.read(Files.readString(tmp.resolve("leakhunter-report.json")));
            assertTrue(seen.equals(a) || seen.equals(b));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(), failures);
    assertEquals(Set.of("leakhunter-report.json"), names(tmp));
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
