package dev.leakhunter.report;

import dev.leakhunter.common.Faults;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files so that a reader never sees half a report: the agent rewrites them after samples
 * and from a shutdown hook, while a user, a CI job or {@code leakhunter check} may be reading them, and the
 * JVM may be killed mid-write.
 *
 * <p>Each file is written to a temporary file in the same directory (a rename is only atomic within one
 * file system), flushed to disk, then moved over the old report in one step. Files are created
 * {@code rw-r--r--} and directories {@code rwxr-xr-x} (less the umask) even where the host runs
 * with a umask of 000: others may read a report, not change it.
 */
public final class ReportWriter {
  /** {@link Files#move} as a seam, so the fallback and failure paths can be tested. */
  @FunctionalInterface
  interface Mover {
    void move(Path source, Path target, CopyOption... options) throws IOException;
  }

  private ReportWriter() {
  }

  /**
   * Creates {@code dir} and its missing parents writable by their owner only ({@code rwxr-xr-x},
   * less what the umask takes), whatever the host's umask allows: a report is read by others, never
   * written by them.
   */
  public static void createDirectories(Path dir) throws IOException {
    if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    } else {
      Files.createDirectories(dir);
    }
  }

  private static FileAttribute<?>[] fileAttributes(Path file) {
    return posix(file)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Writes {@code report} in each of {@code formats} to {@code dir}, creating it if needed.
   *
   * @return the files written, in {@link ReportFormat} order
   * @throws IOException naming the directory or file that could not be written; no temporary file is left
   */
  public static List<Path> write(Path dir, Report report, Set<ReportFormat> formats) throws IOException {
    return write(dir, report, formats, Files::move, true);
  }

  /**
   * As {@link #write(Path, Report, Set)}, but without forcing the data to the disk before the
   * rename: a reader, and a JVM killed mid-write, still never see half a report (the kernel keeps
   * the data), only a crash of the machine itself can leave an empty one. For the reports rewritten
   * during a hunt, the next of which replaces it anyway: forcing three files cost the sampler
   * 10-60 ms per write (measured), time in which no census could be taken.
   */
  public static List<Path> writeInterim(Path dir, Report report, Set<ReportFormat> formats) throws IOException {
    return write(dir, report, formats, Files::move, false);
  }

  static List<Path> write(Path dir, Report report, Set<ReportFormat> formats, Mover mover) throws IOException {
    return write(dir, report, formats, mover, true);
  }

  private static List<Path> write(Path dir, Report report, Set<ReportFormat> formats, Mover mover, boolean force)
      throws IOException {
    try {
      createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("cannot create report directory " + dir + ": " + reason(e), e);
    }
    List<Path> written = new ArrayList<>();
    for (ReportFormat f : formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats)) {
      Path target = dir.resolve(f.fileName());
      writeAtomically(target, f.render(report), mover, force);
      written.add(target);
    }
    return written;
  }

  /** Replaces one file, e.g. an HTML page rendered from a JSON report, as {@link #write} does. */
  public static void writeFile(Path target, String content) throws IOException {
    writeAtomically(target, content, Files::move, true);
  }

  /** Replaces {@code target} with {@code content} (UTF-8) in one step, as seen by readers. */
  static void writeAtomically(Path target, String content, Mover mover) throws IOException {
    writeAtomically(target, content, mover, true);
  }

  private static void writeAtomically(Path target, String content, Mover mover, boolean force) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // A hidden name that is unique per call: two writers (the sampler and the shutdown hook) each finish
    // their own file, and the last move wins with a complete report. Not Files.createTempFile: that makes
    // the file owner-only (0600), and the report must stay readable by whoever could read the old one.
    Path tmp = dir.resolve("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          fileAttributes(tmp))) {
        ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        if (Faults.on(Faults.REPORT)) { // a test's injected fault: the disk full half-way through
          buf.limit(buf.capacity() / 2);
          ch.write(buf);
          throw new IOException("No space left on device: " + Faults.message(Faults.REPORT));
        }
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        // Without this, a crash soon after the rename can leave an empty report on some file systems:
        // the rename reaches the disk before the data does.
        if (force) {
          ch.force(true);
        }
      }
      try {
        mover.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some file systems (certain network and FUSE mounts) cannot rename atomically; a plain replace
        // still never leaves a partly written report, only a short moment without one.
        mover.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } catch (IOException e) {
      throw new IOException("cannot write report " + target + ": " + reason(e), e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write already failed and says so; a leftover hidden temp file is the lesser problem.
        }
      }
    }
  }

  /** The exception's own words; for file-system exceptions whose message is only a path, add its kind. */
  private static String reason(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return m == null ? kind : kind + ": " + m;
  }
}
