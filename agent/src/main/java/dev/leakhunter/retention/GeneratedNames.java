package dev.leakhunter.retention;

/**
 * Class names a program generates anew per job (a template compiled to {@code Tpl0000105}, a
 * proxy {@code $Proxy17}, a reflection accessor {@code GeneratedMethodAccessor42}), collapsed to
 * one name with {@code *} for the number, as the census already drops a lambda's {@code /0x...}.
 * The walk keys its paths by class name: without this, a leak of one generated class per job
 * had one path per class, each growing by nothing, and the walk ran out of distinct paths.
 *
 * <p>A counter ends a name segment (before the end, a {@code $} or a {@code [}): 4 digits or more
 * after a letter or {@code _} ({@code Sha256} and {@code Base64} stay), or any number after
 * {@code $Proxy} or {@code Accessor}. A plain scan, not a regular expression: this runs on every
 * walk, and the JDK's regex engine is the host's code too (SharedProfilesTest).
 */
final class GeneratedNames {
  private static final int MIN_DIGITS = 4;

  private GeneratedNames() {
  }

  /** {@code com.acme.tmpl.Tpl0000105} &rarr; {@code com.acme.tmpl.Tpl*}; other names unchanged. */
  static String collapse(String javaName) {
    int from = javaName.lastIndexOf('.') + 1;
    StringBuilder out = null;
    int copied = 0;
    int i = from;
    while (i < javaName.length()) {
      if (!isDigit(javaName.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < javaName.length() && isDigit(javaName.charAt(i))) {
        i++;
      }
      boolean endsSegment = i == javaName.length() || javaName.charAt(i) == '$' || javaName.charAt(i) == '[';
      boolean counter = endsSegment && start > from
          && (javaName.startsWith("$Proxy", start - 6) || javaName.startsWith("Accessor", start - 8)
          || (i - start >= MIN_DIGITS && isLetter(javaName.charAt(start - 1))));
      if (counter) {
        if (out == null) {
          out = new StringBuilder(javaName.length());
        }
        out.append(javaName, copied, start).append('*');
        copied = i;
      }
    }
    return out == null ? javaName : out.append(javaName, copied, javaName.length()).toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
}
