package dev.leakhunter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: SIGTERM takes the same clean-stop path as the end of a --jobs run. */
class ForkedDaemonTest {

    @Test
    void sigtermStopsCleanly(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("demo.pid");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", classesDir(), DemoDaemon.class.getName(),
                "--leak=async-save", "--rate=500", "--heartbeat=1", "--pid-file=" + pid)
                .redirectErrorStream(true)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(process, lines), "forked-stdout");
        reader.start();
        try {
            String started = lines.poll(20, TimeUnit.SECONDS);
            assertTrue(started != null && started.startsWith("started: pid=" + process.pid() + " leaks=async-save"),
                    String.valueOf(started));
            assertEquals(Long.toString(process.pid()), Files.readString(pid).trim());
            String heartbeat = lines.poll(20, TimeUnit.SECONDS);
            assertTrue(heartbeat != null
                    && heartbeat.matches("heartbeat: jobs=\\d+ rate=\\d+\\.\\d/s queue=\\d+ heap=\\d+\\.\\d MB"),
                    String.valueOf(heartbeat));

            // SIGTERM through the handle: Process.destroy() would also close our end of stdout.
            assertTrue(process.toHandle().destroy(), "SIGTERM sent");
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stopped within 20 s");
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        reader.join(5_000);
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        assertFalse(rest.isEmpty(), "a final line");
        String last = rest.get(rest.size() - 1);
        assertTrue(last.matches("stopped after \\d+ jobs"), rest.toString());
        assertTrue(Long.parseLong(last.replaceAll("\\D", "")) > 0, last);
        assertEquals(143, process.exitValue(), "the JVM's status for SIGTERM");
        assertFalse(Files.exists(pid), "pid file removed by the shutdown hook");
    }

    private static String classesDir() {
        // Surefire runs in the module directory; the main classes are compiled by now (the jar is not).
        return Path.of("target", "classes").toAbsolutePath().toString();
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("read failed: " + e);
        }
    }
}
