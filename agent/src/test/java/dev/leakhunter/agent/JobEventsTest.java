package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobEventsTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final JobEvents events = new JobEvents(new AgentLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), false));

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void eachWovenClassIsNamedOnceUpToTheCapThenOneLineSaysSo() {
    events.instrumented("com.acme.Worker");
    events.instrumented("com.acme.Worker"); // retransformed: same class, same name
    for (int i = 0; i < 500; i++) {
      events.instrumented("com.acme.Template$" + i);
    }
    List<String> lines = lines();
    assertEquals("[leakhunter] job boundary in com.acme.Worker", lines.get(0));
    assertEquals(JobEvents.MAX_NAMED + 1, lines.size(), String.join("\n", lines));
    assertEquals("[leakhunter] more classes with job boundaries; the log names no more of them", lines.get(lines.size() - 1));
  }

  @Test
  void failuresAreNamedUpToTheirCapThenOneLineSaysSo() {
    for (int i = 0; i < 300; i++) {
      events.failed("com.acme.Odd" + i, new IllegalStateException("bad frame"));
    }
    List<String> lines = lines();
    assertEquals(JobEvents.MAX_FAILURES_NAMED + 1, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("[leakhunter] error: could not instrument com.acme.Odd0 (its jobs are not counted)"
        + ": java.lang.IllegalStateException: bad frame"), lines.get(0));
    assertEquals("[leakhunter] error: more classes could not be instrumented; the log names no more of them",
        lines.get(lines.size() - 1));
  }
}
