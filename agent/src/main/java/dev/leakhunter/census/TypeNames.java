package dev.leakhunter.census;

import java.util.Objects;

/**
 * Turns the class names a HotSpot class histogram prints into the Java-language names the report
 * uses.
 *
 * <p>A histogram prints array classes as JVM descriptors ({@code [B}, {@code [[Ljava.lang.String;})
 * and hidden classes (lambdas, {@code Lookup.defineHiddenClass}) with a {@code /0x...} suffix that
 * is the address of the class in the running JVM. The suffix differs between runs and between two
 * lambdas of the same site on JDK 25, so keeping it would make the same type look like a new one in
 * every census; it is removed everywhere, array element types included.
 */
public final class TypeNames {
  private TypeNames() {
  }

  /**
   * True for the JVM's heap fillers ({@code jdk.internal.vm.FillerObject}, {@code FillerElement[]}):
   * dead space that newer G1s format as objects, which the histogram lists like any class. Nobody
   * allocated them and nothing holds them; their count follows GC timing, and on JDK 25 it once
   * read as a leak on a healthy daemon.
   */
  public static boolean isHeapFiller(String javaName) {
    return javaName.startsWith("jdk.internal.vm.Filler");
  }

  /**
   * The Java-language name of a class as a JVM names it.
   *
   * <p>{@code [B} &rarr; {@code byte[]}, {@code [[Ljava.lang.Object;} &rarr;
   * {@code java.lang.Object[][]}, {@code Foo$$Lambda$14/0x0000000800c0b000} &rarr;
   * {@code Foo$$Lambda$14}, {@code [LFoo/0x...;} &rarr; {@code Foo[]}; nested names keep their
   * {@code $}. A name it does not understand (a malformed descriptor) is returned unchanged rather
   * than rejected: one odd row must not cost a whole census.
   *
   * @param jvmName a class name as {@code Class.getName()} or a class histogram prints it, without
   *                the histogram's module suffix
   * @return the Java-language name, never {@code null}
   */
  public static String toJavaName(String jvmName) {
    Objects.requireNonNull(jvmName, "jvmName");
    int dims = 0;
    while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
      dims++;
    }
    if (dims == 0) {
      return withoutHiddenSuffix(jvmName);
    }
    String element = elementName(jvmName, dims);
    if (element == null) {
      return jvmName;
    }
    StringBuilder name = new StringBuilder(element.length() + 2 * dims).append(element);
    for (int i = 0; i < dims; i++) {
      name.append("[]");
    }
    return name.toString();
  }

  /** The element type of an array descriptor whose first {@code dims} characters are '['. */
  private static String elementName(String descriptor, int dims) {
    String rest = descriptor.substring(dims);
    if (rest.length() == 1) {
      return primitive(rest.charAt(0));
    }
    if (rest.length() > 2 && rest.charAt(0) == 'L' && rest.charAt(rest.length() - 1) == ';') {
      return withoutHiddenSuffix(rest.substring(1, rest.length() - 1));
    }
    return null;
  }

  private static String primitive(char code) {
    return switch (code) {
      case 'Z' -> "boolean";
      case 'C' -> "char";
      case 'F' -> "float";
      case 'D' -> "double";
      case 'B' -> "byte";
      case 'S' -> "short";
      case 'I' -> "int";
      case 'J' -> "long";
      default -> null;
    };
  }

  /**
   * Drops a hidden class's {@code /0x<hex>} suffix. Only that exact shape is removed: the JVM never
   * puts a '/' into the dotted name of an ordinary class, but a name we do not recognise is better
   * reported as printed than guessed at. The hex part has no fixed width: classes from the CDS
   * archive print short addresses ({@code ClassFileImpl$$Lambda/0x80000004b} on 25).
   */
  private static String withoutHiddenSuffix(String name) {
    int slash = name.lastIndexOf('/');
    if (slash <= 0 || !name.startsWith("0x", slash + 1) || slash + 3 == name.length()) {
      return name;
    }
    for (int i = slash + 3; i < name.length(); i++) {
      if (Character.digit(name.charAt(i), 16) < 0) {
        return name;
      }
    }
    return name.substring(0, slash);
  }
}
