package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  @Test
  void parsesEachNameIgnoringCaseAndBlanks() {
    assertSame(ReportFormat.JSON, ReportFormat.parse("json"));
    assertSame(ReportFormat.TXT, ReportFormat.parse("TXT"));
    assertSame(ReportFormat.HTML, ReportFormat.parse(" Html "));
  }

  @Test
  void anUnknownNameListsTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("xml"));
    assertEquals("unknown report format 'xml'; valid formats: json, txt, html", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("text"));
    assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse(null));
  }

  @Test
  void namesItsFiles() {
    assertEquals("leakhunter-report.json", ReportFormat.JSON.fileName());
    assertEquals("leakhunter-report.txt", ReportFormat.TXT.fileName());
    assertEquals("leakhunter-report.html", ReportFormat.HTML.fileName());
    assertEquals("txt", ReportFormat.TXT.id());
  }

  @Test
  void parsesTheReportOptionsColonList() {
    assertEquals(EnumSet.allOf(ReportFormat.class), ReportFormat.parseList("json:txt:html"));
    assertEquals(EnumSet.of(ReportFormat.JSON, ReportFormat.HTML), ReportFormat.parseList("html:json:html"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parseList("json::txt"));
    assertTrue(e.getMessage().startsWith("empty report format in 'json::txt'; expected formats joined by ':'"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReportFormat.parseList(""));
    e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parseList("json:pdf"));
    assertEquals("unknown report format 'pdf'; valid formats: json, txt, html", e.getMessage());
  }

  @Test
  void rendersWithTheMatchingWriter() {
    Report r = Reports.leak();
    assertEquals(ReportJson.write(r), ReportFormat.JSON.render(r));
    assertEquals(TextReport.render(r), ReportFormat.TXT.render(r));
    assertEquals(HtmlReport.render(r), ReportFormat.HTML.render(r));
  }
}
