package dev.leakhunter.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The pid file: how scripts and tests find the daemon to attach to, or to stop. */
final class PidFile {

    private final Path path;

    PidFile(Path path) {
        this.path = path;
    }

    /** Writes the pid atomically (via a temporary file), so a reader never sees a half-written pid. */
    void write(long pid) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temporary, pid + System.lineSeparator(), StandardCharsets.US_ASCII);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file; true if it is gone afterwards. */
    boolean delete() {
        try {
            Files.deleteIfExists(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    Path path() {
        return path;
    }
}
