package dev.leakhunter.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The agent's code runs inside the host's JVM, and the JIT profiles each call site of the JDK once
 * for everybody: a callback the agent hands to a JDK method ({@code List.sort}'s comparator, a
 * stream stage, {@code computeIfAbsent}'s function) lands in the same profile as the host's own,
 * and turns the host's inlined call megamorphic. Measured on the demo daemon, the agent's histogram
 * sort alone cost the host 8-10% of its throughput (docs/performance.md). So no agent class passes a
 * callback to the JDK; {@link OwnSort} sorts, and loops replace streams. Nor does it wrap collections
 * in the JDK's views ({@code Collections.unmodifiableMap} and kin): a view's iterator delegates
 * through one call site for everybody, and the agent's report options, a {@code LinkedHashMap} behind
 * an unmodifiable view, made the demo's hot loop over an unmodifiable {@code ArrayList} deoptimize
 * and come back slower. The code that runs on every census does not use the regex engine either.
 */
class SharedProfilesTest {

  /**
   * Packages whose code runs on every census, over thousands of histogram rows and walked objects:
   * no regular expressions there either, since the JDK's regex engine is host code too.
   */
  private static final List<String> PER_CENSUS = List.of(
      "dev/leakhunter/census/", "dev/leakhunter/growth/", "dev/leakhunter/retention/", "dev/leakhunter/allocation/");

  /** Packages that run in a JVM of their own, not the host's. */
  private static final Set<String> OWN_JVM = Set.of("dev/leakhunter/cli/");

  /**
   * The exceptions, each with its reason. {@code StackWalker.walk} takes a function and hands it a
   * stream by design; it runs only for sampled constructions, the frames are read through the
   * stream's plain iterator (no stages), and hosts rarely walk stacks on a hot path.
   */
  private static final Set<String> ALLOWED = Set.of(
      "dev/leakhunter/allocation/TypeSites.constructed -> java/lang/StackWalker.walk",
      "dev/leakhunter/allocation/TypeSites.topFrames -> java/util/stream/Stream.iterator",
      // Json.parse reads reports back for the CLI (ReportJson.read); the agent only writes them.
      "dev/leakhunter/report/Json.object -> java/util/Collections.unmodifiableMap",
      "dev/leakhunter/report/Json.array -> java/util/Collections.unmodifiableList");

  @Test
  void noAgentClassHandsACallbackToTheJdk() throws Exception {
    List<String> found = new ArrayList<>();
    Path classes = Path.of(OwnSort.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    int scanned = 0;
    try (Stream<Path> files = Files.walk(classes.resolve("dev/leakhunter"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        if (OWN_JVM.stream().noneMatch(name::startsWith)) {
          found.addAll(sharedCallbacks(file, PER_CENSUS.stream().anyMatch(name::startsWith)));
          scanned++;
        }
      }
    }
    assertTrue(scanned > 50, "scanned only " + scanned + " classes under " + classes);
    found.removeAll(ALLOWED);
    assertEquals(List.of(), found, "agent code that hands a callback to a JDK method (see OwnSort for why)");
  }

  /** What the scan finds in {@link Forbidden} everywhere. */
  private static final List<String> CALLBACKS = List.of(
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.sorts -> java/util/Comparator.comparingInt",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.sorts -> java/util/List.sort",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.streams -> java/util/List.stream",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.streams -> java/util/stream/Stream.filter",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.streams -> java/util/stream/Stream.count",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.getOrPut -> java/util/Map.computeIfAbsent",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.views -> java/util/Collections.unmodifiableMap",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.views -> java/util/Collections.synchronizedList");

  /** What it finds there besides in the code that runs per census. */
  private static final List<String> REGEX = List.of(
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.patterns -> java/lang/String.replaceAll",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.patterns -> java/util/regex/Pattern.compile",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.patterns -> java/util/regex/Pattern.matcher",
      "dev/leakhunter/common/SharedProfilesTest$Forbidden.patterns -> java/util/regex/Matcher.find");

  @Test
  void theScanFindsWhatItForbids() throws Exception {
    assertEquals(CALLBACKS, sharedCallbacks(forbidden(), false));
  }

  @Test
  void perCensusCodeUsesNoRegularExpressions() throws Exception {
    List<String> expected = new ArrayList<>(CALLBACKS);
    expected.addAll(REGEX);
    assertEquals(expected, sharedCallbacks(forbidden(), true));
  }

  private static Path forbidden() throws Exception {
    return Path.of(Forbidden.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve(Forbidden.class.getName().replace('.', '/') + ".class");
  }

  /**
   * Calls from {@code file}'s methods into the JDK that take a callback or build a stream, and with
   * {@code perCensus} also those into the regex engine.
   */
  private static List<String> sharedCallbacks(Path file, boolean perCensus) throws IOException {
    List<String> found = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
        private String owner;

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
          owner = name;
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                         String[] exceptions) {
          return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String callee, String name, String desc, boolean itf) {
              if (sharesAProfile(callee, name, desc) || perCensus && usesRegex(callee, name)) {
                found.add(owner + "." + method + " -> " + callee + "." + name);
              }
            }
          };
        }
      }, ClassReader.SKIP_DEBUG);
    }
    return found;
  }

  private static boolean sharesAProfile(String callee, String name, String desc) {
    if (!callee.startsWith("java/")) {
      return false; // the agent's own code, and its shaded libraries: profiles of their own
    }
    if (callee.startsWith("java/util/stream/") || name.equals("stream") && desc.endsWith("Ljava/util/stream/Stream;")) {
      return true;
    }
    if (callee.equals("java/util/Collections") && VIEW.matcher(name).matches()) {
      return true;
    }
    String params = desc.substring(0, desc.indexOf(')'));
    return params.contains("Ljava/util/function/") || params.contains("Ljava/util/Comparator;")
        || callee.equals("java/util/Comparator") && !name.equals("compare");
  }

  private static final java.util.regex.Pattern VIEW =
      java.util.regex.Pattern.compile("(unmodifiable|synchronized|checked)[A-Z].*");

  private static boolean usesRegex(String callee, String name) {
    return callee.startsWith("java/util/regex/")
        || callee.equals("java/lang/String") && List.of("split", "replaceAll", "replaceFirst", "matches").contains(name);
  }

  /** What the scan must catch. */
  @SuppressWarnings("unused")
  private static final class Forbidden {
    void sorts(List<String> names) {
      names.sort(java.util.Comparator.comparingInt(String::length));
    }

    long streams(List<String> names) {
      return names.stream().filter(String::isEmpty).count();
    }

    List<String> getOrPut(java.util.Map<String, List<String>> map) {
      return map.computeIfAbsent("k", k -> new ArrayList<>());
    }

    int views(java.util.Map<String, String> map, List<String> names) {
      return java.util.Collections.unmodifiableMap(map).size() + java.util.Collections.synchronizedList(names).size();
    }

    boolean patterns(String name) {
      return name.replaceAll("[0-9]+", "N").isEmpty() || java.util.regex.Pattern.compile("x").matcher(name).find();
    }
  }
}
