package dev.leakhunter.growth;

/** What a type name says about where the type comes from. */
public final class TypeNames {
  private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
  private static final String[] PRIMITIVES =
      {"boolean", "byte", "char", "short", "int", "long", "float", "double"};

  private TypeNames() {
  }

  /**
   * 0 for an application type, 1 for an array of one or a generated class (a lambda, a proxy:
   * {@code $$} in the name), 2 for JDK types and primitive arrays. The lower, the more a type says
   * about which leak it is: {@code com.acme.Session} names the leak, the
   * {@code java.util.HashMap$Node} and {@code byte[]} that come with it do not, and a lambda held
   * with each {@code com.acme.Member} names the callback, not what it keeps.
   */
  public static int specificity(String type) {
    String element = type;
    while (element.endsWith("[]")) {
      element = element.substring(0, element.length() - 2);
    }
    for (String primitive : PRIMITIVES) {
      if (element.equals(primitive)) {
        return 2;
      }
    }
    for (String prefix : JDK_PREFIXES) {
      if (element.startsWith(prefix)) {
        return 2;
      }
    }
    return element.length() == type.length() && !type.contains("$$") ? 0 : 1;
  }
}
