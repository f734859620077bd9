package dev.leakhunter.retention;

import java.util.regex.Pattern;

/**
 * Class names a program generates anew per job (a template compiled to {@code Tpl0000105}, a
 * proxy {@code $Proxy17}, a reflection accessor {@code GeneratedMethodAccessor42}), collapsed to
 * one name with {@code *} for the number, as the census already drops a lambda's {@code /0x...}.
 * The walk keys its paths by class name: without this, a leak of one generated class per job
 * had one path per class, each growing by nothing, and the walk ran out of distinct paths.
 */
final class GeneratedNames {
  // A counter ends the simple name: 4 digits or more after a letter (Tpl0000105, Script_Job1234
  // is left alone below 4, Sha256 and Base64 too), or any number after $Proxy or Accessor.
  private static final Pattern COUNTER = Pattern.compile(
      "(?<=\\$Proxy|Accessor)\\d+(?=$|\\[|\\$)|(?<=[A-Za-z_])\\d{4,}(?=$|\\[|\\$)");

  private GeneratedNames() {
  }

  /** {@code com.acme.tmpl.Tpl0000105} &rarr; {@code com.acme.tmpl.Tpl*}; other names unchanged. */
  static String collapse(String javaName) {
    int simple = Math.max(javaName.lastIndexOf('.'), 0);
    String tail = javaName.substring(simple);
    String collapsed = COUNTER.matcher(tail).replaceAll("*");
    return collapsed.equals(tail) ? javaName : javaName.substring(0, simple) + collapsed;
  }
}
