package dev.leakhunter.jobs;

/**
 * A {@code *} wildcard match, without regular expressions: it runs on every class the host loads,
 * so it allocates nothing and backtracks at most to the last {@code *}.
 */
final class Glob {

  private Glob() {
  }

  /** True when {@code s} matches {@code glob} in full; {@code *} matches any run of characters, even none. */
  static boolean matches(String glob, String s) {
    int g = 0;
    int i = 0;
    int star = -1;
    int starAt = 0;
    while (i < s.length()) {
      if (g < glob.length() && glob.charAt(g) == '*') {
        star = g++;
        starAt = i;
      } else if (g < glob.length() && glob.charAt(g) == s.charAt(i)) {
        g++;
        i++;
      } else if (star >= 0) {
        // The last * takes one more character; earlier stars never need to, since a * matches any run.
        g = star + 1;
        i = ++starAt;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }
}
