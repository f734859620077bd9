package dev.leakhunter.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code TYPE#METHOD} job boundary of the {@code jobs} option. {@code TYPE} is a binary class
 * name with {@code *} wildcards that matches the class or any of its supertypes; {@code METHOD} is
 * a method name with {@code *} wildcards.
 */
public record JobPattern(String type, String method) {

  private static final Pattern TYPE_SYNTAX = Pattern.compile("[\\p{L}\\p{N}_$.*]+");
  private static final Pattern METHOD_SYNTAX = Pattern.compile("[\\p{L}\\p{N}_$*]+");

  public JobPattern {
    if (!TYPE_SYNTAX.matcher(type).matches() || type.startsWith(".") || type.endsWith(".")) {
      throw new IllegalArgumentException("'" + type + "' is not a class name (letters, digits, _ $ . and * wildcards)");
    }
    if (!METHOD_SYNTAX.matcher(method).matches()) {
      throw new IllegalArgumentException("'" + method + "' is not a method name (letters, digits, _ $ and * wildcards)");
    }
  }

  /** Parses {@code TYPE#METHOD[:TYPE#METHOD...]}. */
  public static List<JobPattern> parseList(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("no job boundary given");
    }
    List<JobPattern> patterns = new ArrayList<>();
    for (String part : value.split(":", -1)) {
      int hash = part.indexOf('#');
      if (hash <= 0 || hash != part.lastIndexOf('#') || hash == part.length() - 1) {
        throw new IllegalArgumentException("'" + part + "' is not TYPE#METHOD");
      }
      patterns.add(new JobPattern(part.substring(0, hash), part.substring(hash + 1)));
    }
    if (patterns.size() > JobTypes.MAX_PATTERNS) {
      throw new IllegalArgumentException(patterns.size() + " job boundaries; at most " + JobTypes.MAX_PATTERNS
          + " (a wildcard covers many: com.acme.*Job#run)");
    }
    return List.copyOf(patterns);
  }

  @Override
  public String toString() {
    return type + "#" + method;
  }
}
