package dev.leakhunter.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandles;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "[Z | boolean[]",
      "[C | char[]",
      "[F | float[]",
      "[D | double[]",
      "[B | byte[]",
      "[S | short[]",
      "[I | int[]",
      "[J | long[]",
      "[[I | int[][]",
      "[[[D | double[][][]",
      "[Ljava.lang.Object; | java.lang.Object[]",
      "[[Ljava.lang.String; | java.lang.String[][]",
      "[Ljava.util.HashMap$Node; | java.util.HashMap$Node[]",
  })
  void arrayDescriptorsBecomeJavaNames(String jvmName, String javaName) {
    assertEquals(javaName, TypeNames.toJavaName(jvmName));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // JDK 17 numbers each lambda class; the number names the capture site's spin order, so it stays.
      "com.acme.Foo$$Lambda$14/0x0000000800c0b000 | com.acme.Foo$$Lambda$14",
      // JDK 25 drops the number: every lambda of a class shares one name.
      "com.acme.Foo$$Lambda/0x000000007c040420 | com.acme.Foo$$Lambda",
      // Lambdas from the CDS archive print a short address (seen on Temurin 25).
      "jdk.internal.classfile.impl.ClassFileImpl$$Lambda/0x80000004b"
          + " | jdk.internal.classfile.impl.ClassFileImpl$$Lambda",
      "java.lang.invoke.LambdaForm$MH/0x00007f8b00002c00 | java.lang.invoke.LambdaForm$MH",
      // Lookup.defineHiddenClass, and arrays of it: both JDKs print these.
      "Fixture$HiddenTemplate/0x00007f8b00002400 | Fixture$HiddenTemplate",
      "[LFixture$HiddenTemplate/0x00007f8b00002400; | Fixture$HiddenTemplate[]",
      "[[LFixture$HiddenTemplate/0x000000007c042400; | Fixture$HiddenTemplate[][]",
  })
  void hiddenClassSuffixIsRemoved(String jvmName, String javaName) {
    assertEquals(javaName, TypeNames.toJavaName(jvmName));
  }

  @ParameterizedTest(name = "{0} unchanged")
  @CsvSource(delimiter = '|', value = {
      "java.lang.String",
      "com.acme.Outer$Inner",
      "com.acme.Outer$Inner$1",
      "Fixture$Point",
      "NoPackage",
      "com.acme.Odd$$Name",
  })
  void plainNamesAreUnchanged(String name) {
    assertEquals(name, TypeNames.toJavaName(name));
  }

  @ParameterizedTest(name = "{0} unchanged")
  @CsvSource(delimiter = '|', value = {
      // Not descriptors or suffixes we know: reported as printed, never guessed at or thrown on.
      "[",
      "[[",
      "[X",
      "[L;",
      "[Ljava.lang.Object",
      "[BB",
      "Foo/0x",
      "Foo/0xZZ",
      "Foo/bar",
      "/0x12",
      "''",
  })
  void malformedNamesAreReturnedUnchanged(String name) {
    assertEquals(name, TypeNames.toJavaName(name));
  }

  @Test
  void agreesWithTheJvmOnRealClasses() throws Exception {
    Supplier<String> lambda = () -> "x";
    Class<?> hidden = MethodHandles.lookup()
        .defineHiddenClass(readClassBytes(Hideable.class), true).lookupClass();

    assertEquals("long[][]", TypeNames.toJavaName(long[][].class.getName()));
    assertEquals(Thread.State.class.getName() + "[]",
        TypeNames.toJavaName(Thread.State[].class.getName()));
    assertEquals(getClass().getName() + "$$Lambda", TypeNames.toJavaName(lambda.getClass().getName())
        .replaceFirst("\\$\\d+$", ""));
    assertEquals(Hideable.class.getName(), TypeNames.toJavaName(hidden.getName()));
    assertEquals(Hideable.class.getName() + "[][]",
        TypeNames.toJavaName(hidden.arrayType().arrayType().getName()));
  }

  @Test
  void nullIsRejected() {
    assertThrows(NullPointerException.class, () -> TypeNames.toJavaName(null));
  }

  private static byte[] readClassBytes(Class<?> type) throws Exception {
    String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
    try (var in = type.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  /** Defined a second time as a hidden class. */
  static final class Hideable {
  }

  @Test
  void heapFillersAreRecognizedByTheirJavaNames() {
    assertTrue(TypeNames.isHeapFiller(TypeNames.toJavaName("[Ljdk.internal.vm.FillerElement;")));
    assertTrue(TypeNames.isHeapFiller("jdk.internal.vm.FillerObject"));
    assertFalse(TypeNames.isHeapFiller("java.lang.Object[]"));
    assertFalse(TypeNames.isHeapFiller("jdk.internal.vm.Continuation"));
  }
}
