package dev.leakhunter.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A command for an agent that already runs, sent as the argument of a second {@code agentmain}
 * call: {@code @NAME[=VALUE][,KEY=VALUE...]}, e.g. {@code @report=/tmp/x,format=txt,reply=/tmp/r}.
 * Agent options are always {@code KEY=VALUE} with a letter first, so a leading {@code @} can never
 * be mistaken for them. Values are absolute paths chosen by the CLI; a comma starts a new argument
 * only when {@code key=} follows (as in {@link AgentOptions}), so paths may hold commas.
 * See docs/attach.md, "The control channel".
 */
public final class ControlCommand {

  public static final String PREFIX = "@";
  public static final String REPORT = "report";
  public static final String DETACH = "detach";
  public static final String STATUS = "status";
  /** The file the agent writes its reply to ({@link ControlReply}). */
  public static final String REPLY = "reply";
  public static final String FORMAT = "format";

  private static final Pattern SEPARATOR = Pattern.compile(",(?=[a-zA-Z0-9_\\-]+=)");

  private final String name;
  private final String value;
  private final Map<String, String> args;

  public ControlCommand(String name, String value, Map<String, String> args) {
    if (!name.matches("\\p{IsLetter}+")) {
      throw new IllegalArgumentException("not a command name: '" + name + "'");
    }
    for (String key : args.keySet()) {
      if (!key.matches("[a-zA-Z0-9_\\-]+")) {
        throw new IllegalArgumentException("not an argument name: '" + key + "'");
      }
    }
    this.name = name;
    this.value = value;
    this.args = new LinkedHashMap<>(args); // a copy, never handed out
  }

  /** True for {@code @...}: a command for a running agent rather than agent options. */
  public static boolean isCommand(String agentArgs) {
    return agentArgs != null && agentArgs.startsWith(PREFIX);
  }

  /** @throws IllegalArgumentException when {@code text} is not {@code @NAME[=VALUE][,KEY=VALUE...]} */
  public static ControlCommand parse(String text) {
    if (!isCommand(text)) {
      throw new IllegalArgumentException("a command starts with '" + PREFIX + "': " + text);
    }
    String[] parts = SEPARATOR.split(text.substring(PREFIX.length()), -1);
    String head = parts[0];
    int eq = head.indexOf('=');
    String name = eq < 0 ? head : head.substring(0, eq);
    String value = eq < 0 ? null : head.substring(eq + 1);
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int e = parts[i].indexOf('=');
      if (e <= 0) {
        throw new IllegalArgumentException("'" + parts[i] + "' is not KEY=VALUE in " + text);
      }
      if (args.put(parts[i].substring(0, e), parts[i].substring(e + 1)) != null) {
        throw new IllegalArgumentException("'" + parts[i].substring(0, e) + "' is given twice in " + text);
      }
    }
    return new ControlCommand(name, value, args);
  }

  public String name() {
    return name;
  }

  /** The value after {@code @NAME=}, or null. */
  public String value() {
    return value;
  }

  /** An argument's value, or null. */
  public String arg(String key) {
    return args.get(key);
  }

  /** The agent argument string, as {@link #parse} reads it. */
  public String format() {
    StringBuilder sb = new StringBuilder(PREFIX).append(name);
    if (value != null) {
      sb.append('=').append(value);
    }
    for (Map.Entry<String, String> e : args.entrySet()) {
      sb.append(',').append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
