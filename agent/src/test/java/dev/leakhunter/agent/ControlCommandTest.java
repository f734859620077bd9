package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlCommandTest {

  @TempDir
  Path dir;

  @Test
  void aCommandRoundTripsAndPathsMayHoldCommas() {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("format", "json");
    args.put("reply", "/tmp/a,b/reply.txt");
    ControlCommand c = new ControlCommand("report", "/var/x,y/out", args);
    assertEquals("@report=/var/x,y/out,format=json,reply=/tmp/a,b/reply.txt", c.format());
    ControlCommand back = ControlCommand.parse(c.format());
    assertEquals("report", back.name());
    assertEquals("/var/x,y/out", back.value());
    assertEquals("json", back.arg("format"));
    assertEquals("/tmp/a,b/reply.txt", back.arg("reply"));
    ControlCommand detach = ControlCommand.parse("@detach,reply=/r");
    assertEquals("detach", detach.name());
    assertNull(detach.value());
    assertEquals("/r", detach.arg("reply"));
  }

  @Test
  void commandsAndAgentOptionsCannotBeConfused() throws Exception {
    assertTrue(ControlCommand.isCommand("@status"));
    assertFalse(ControlCommand.isCommand("jobs=a.B#c"));
    assertFalse(ControlCommand.isCommand(null));
    // Agent options refuse a leading '@' outright, so no option string is ever a command too.
    OptionException e = assertThrows(OptionException.class, () -> AgentOptions.parse("@report=/x"));
    assertTrue(e.getMessage().contains("not KEY=VALUE") || e.getMessage().contains("unknown option"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ControlCommand.parse("@"));
    assertThrows(IllegalArgumentException.class, () -> ControlCommand.parse("@report=/x,reply=/a,reply=/b"));
    assertThrows(IllegalArgumentException.class, () -> ControlCommand.parse("@re port"));
  }

  @Test
  void replyRoundTripsOneLinePerField() throws Exception {
    ControlReply ok = ControlReply.ok(Map.of("file", "/x/leakhunter-report.txt"));
    Path f = dir.resolve("reply.txt");
    ok.writeTo(f);
    ControlReply back = ControlReply.readFrom(f);
    assertTrue(back.isOk());
    assertEquals("/x/leakhunter-report.txt", back.get("file"));
    ControlReply error = ControlReply.parse(ControlReply.error("two\nlines").format());
    assertFalse(error.isOk());
    assertEquals("two lines", error.get(ControlReply.MESSAGE));
    assertThrows(IllegalArgumentException.class, () -> ControlReply.parse("hello"));
  }

  @Test
  void withoutAHuntReportAndDetachSayNoHuntAndStatusTellsTheCounter() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
    Path reply = dir.resolve("r.txt");
    AgentControl.run("@report=" + dir + ",format=txt,reply=" + reply, ps);
    ControlReply r = ControlReply.readFrom(reply);
    assertFalse(r.isOk());
    assertEquals("no leakhunter hunt runs in this JVM", r.get(ControlReply.MESSAGE));
    AgentControl.run("@detach,reply=" + reply, ps);
    assertFalse(ControlReply.readFrom(reply).isOk());
    AgentControl.run("@status,reply=" + reply, ps);
    ControlReply status = ControlReply.readFrom(reply);
    assertTrue(status.isOk());
    assertEquals("false", status.get("hunting"));
    AgentControl.run("@explode,reply=" + reply, ps);
    assertTrue(ControlReply.readFrom(reply).get(ControlReply.MESSAGE).startsWith("unknown command 'explode'"));
    AgentControl.run("@not a command", ps);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("[leakhunter] ignored a control command"));
    assertFalse(Files.exists(dir.resolve("leakhunter-report.txt")));
  }
}
