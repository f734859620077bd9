package dev.leakhunter.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's answer to a {@link ControlCommand}: {@code KEY=VALUE} lines in the reply file the
 * command names, {@code status=ok} or {@code status=error} first, {@code message=} a sentence for
 * the user. {@code agentmain} cannot return a value and must never throw, so the answer travels
 * as a file; the attach API returns only after {@code agentmain} has returned, so it is complete
 * when the CLI reads it.
 */
public final class ControlReply {

  public static final String STATUS = "status";
  public static final String MESSAGE = "message";
  public static final String OK = "ok";
  public static final String ERROR = "error";

  private final Map<String, String> fields;

  private ControlReply(Map<String, String> fields) {
    this.fields = fields; // built by ok/error, never handed out
  }

  public static ControlReply ok(Map<String, String> fields) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(STATUS, OK);
    m.putAll(fields);
    return new ControlReply(m);
  }

  public static ControlReply error(String message) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(STATUS, ERROR);
    m.put(MESSAGE, message);
    return new ControlReply(m);
  }

  public boolean isOk() {
    return OK.equals(fields.get(STATUS));
  }

  /** A field's value, or null. */
  public String get(String key) {
    return fields.get(key);
  }

  public String format() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      // One line per field: a value never carries a line break into the next field.
      sb.append(e.getKey()).append('=').append(e.getValue().replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
    return sb.toString();
  }

  public static ControlReply parse(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    if (!m.containsKey(STATUS)) {
      throw new IllegalArgumentException("not a leakhunter reply (no status line): " + text);
    }
    return new ControlReply(m);
  }

  /** Writes the reply in one step (a temporary file moved into place). */
  void writeTo(Path file) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, format(), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static ControlReply readFrom(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }
}
