package dev.leakhunter.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;

/**
 * The string constants of the agent's own classes, made once before the first census and kept.
 *
 * <p>HotSpot makes the {@code String} of a string constant when code first needs it, and its JIT
 * makes every constant of a method it compiles, paths never taken included (a log message for a
 * failure that never happens). The agent's classes hold a few thousand. Made one by one as the JIT
 * reaches the agent's code, seconds into a hunt and later on a loaded machine, they read as the
 * host's {@code String}s and {@code byte[]}s growing. Measured on a no-leak daemon, 900 jobs with a
 * census every 5: +19 to +23 Strings after job 600 in 10 of 10 runs, +3 to +4 with the agent's
 * classes kept out of the JIT; enough, once in about twelve CI runs, for a control to read
 * {@code java.lang.String} +0.25/job over its last 110 jobs. A string interned first is the one
 * the JVM's own resolution finds later; kept here, it is in the heap from the baseline on, so those
 * Strings never move.
 *
 * <p>Read with ASM's {@link ClassReader} (a constant pool walk, what ASM is for) from the agent's
 * jar, or its class directory in the project's own build; the shaded libraries' classes are left
 * out (the agent runs little of them after its start).
 */
public final class OwnConstants {

  private static final String OWN = "dev/leakhunter/";
  private static final String SHADED = "dev/leakhunter/shaded/";
  /** The class-file tag of a {@code CONSTANT_String} entry (JVMS 4.4). */
  private static final int CONSTANT_STRING = 8;

  private static volatile String[] kept;

  private OwnConstants() {
  }

  /**
   * Makes and keeps the string constants of the agent's classes, once per JVM; the number kept.
   * Never throws: where the classes cannot be read (an unusual class loader), nothing is kept.
   */
  public static synchronized int resolve() {
    if (kept == null) {
      String[] strings;
      try {
        strings = read(location()).toArray(new String[0]);
      } catch (IOException | RuntimeException | URISyntaxException e) {
        strings = new String[0];
      }
      kept = strings;
    }
    return kept.length;
  }

  private static Path location() throws URISyntaxException {
    CodeSource source = OwnConstants.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("no code source");
    }
    return Path.of(source.getLocation().toURI());
  }

  static Set<String> read(Path location) throws IOException {
    Set<String> strings = new LinkedHashSet<>();
    if (Files.isDirectory(location)) {
      List<Path> classes = new ArrayList<>();
      classFiles(location.resolve(OWN), location.resolve(SHADED), classes);
      for (Path p : classes) {
        constants(Files.readAllBytes(p), strings);
      }
      return strings;
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        String name = e.getName();
        if (name.startsWith(OWN) && !name.startsWith(SHADED) && name.endsWith(".class")) {
          try (InputStream in = jar.getInputStream(e)) {
            constants(in.readAllBytes(), strings);
          }
        }
      }
    }
    return strings;
  }

  /** The class files under {@code dir}, but not under {@code skipped}; no stream (see OwnSort). */
  private static void classFiles(Path dir, Path skipped, List<Path> out) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (Files.isDirectory(p)) {
          if (!p.equals(skipped)) {
            classFiles(p, skipped, out);
          }
        } else if (p.getFileName().toString().endsWith(".class")) {
          out.add(p);
        }
      }
    }
  }

  /** Adds the interned string constants of one class file to {@code strings}. */
  static void constants(byte[] classFile, Set<String> strings) {
    ClassReader reader = new ClassReader(classFile);
    char[] buffer = new char[reader.getMaxStringLength()];
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i); // 0 for the second slot of a long or double
      if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_STRING) {
        strings.add(reader.readUTF8(offset, buffer).intern());
      }
    }
  }
}
