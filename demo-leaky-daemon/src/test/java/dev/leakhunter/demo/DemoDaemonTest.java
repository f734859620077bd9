package dev.leakhunter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's loop, in this JVM: command line handling and a clean --jobs run. */
class DemoDaemonTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertEquals(0, DemoDaemon.run(new String[] {"--help"}, out, err));
        assertTrue(text(stdout).contains("job boundary for leakhunter: dev.leakhunter.demo.Worker#handle"));
        assertEquals("", text(stderr));
    }

    @Test
    void aBadFlagIsOneLineOnStderrAndExitTwo(@TempDir Path dir) {
        Path pid = dir.resolve("never.pid");
        assertEquals(2, DemoDaemon.run(new String[] {"--leak=leaky", "--pid-file=" + pid}, out, err));
        assertEquals("demo-leaky-daemon: --leak=leaky: unknown leak 'leaky'; valid leaks: "
                + "none, processed-log, template-cache, async-save" + System.lineSeparator(), text(stderr));
        assertEquals("", text(stdout), "nothing started");
        assertFalse(Files.exists(pid));
    }

    @Test
    void anUnwritablePidFileIsExitOne(@TempDir Path dir) {
        Path pid = dir.resolve("no-such-dir").resolve("demo.pid");
        assertEquals(1, DemoDaemon.run(new String[] {"--jobs=3", "--pid-file=" + pid}, out, err));
        assertTrue(text(stderr).startsWith("demo-leaky-daemon: cannot write the pid file "), text(stderr));
        assertTrue(text(stderr).contains("--pid-file=PATH"), text(stderr));
    }

    @Test
    void aJobsRunStopsCleanlyAndRemovesThePidFile(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("demo.pid");
        String[] args = {"--jobs=30", "--rate=100", "--workers=2", "--heartbeat=0", "--leak=processed-log",
            "--pid-file=" + pid};
        AtomicInteger status = new AtomicInteger(-1);
        Thread main = new Thread(() -> status.set(DemoDaemon.run(args, out, err)), "demo-main-test");
        main.start();

        // While it runs (30 jobs at 100/s: about 0.3 s): the pid file holds our pid; the threads have names.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(pid) && main.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(pid).trim());
        Set<String> names = new HashSet<>();
        while (!names.contains("demo-worker-2") && main.isAlive() && System.nanoTime() < deadline) {
            Thread.getAllStackTraces().keySet().forEach(thread -> names.add(thread.getName()));
        }
        assertTrue(names.containsAll(Set.of("demo-producer", "demo-worker-1", "demo-worker-2")), names.toString());

        main.join(10_000);
        assertFalse(main.isAlive());
        assertEquals(0, status.get());
        assertFalse(Files.exists(pid), "pid file removed on stop");
        String[] lines = text(stdout).split("\\R");
        assertEquals(2, lines.length, text(stdout));
        assertTrue(lines[0].matches("started: pid=\\d+ leaks=processed-log workers=2 rate=100/s jobs=30 "
                + "job-boundary=dev\\.leakhunter\\.demo\\.Worker#handle"), lines[0]);
        assertEquals("stopped after 30 jobs", lines[1]);
        assertEquals("", text(stderr));
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            assertFalse(thread.getName().startsWith("demo-") && !thread.getName().equals("demo-main-test"),
                    "left running: " + thread.getName());
        }
    }

    @Test
    void everyProducedJobIsHandledOnceAcrossWorkers(@TempDir Path dir) throws UsageException {
        DaemonOptions options = DaemonOptions.parse("--jobs=90", "--workers=3", "--heartbeat=0",
                "--pid-file=" + dir.resolve("d.pid"));
        Daemon daemon = new Daemon(options, out, err);
        assertEquals(0, daemon.run());
        assertEquals(90, daemon.completedJobs());
        assertEquals(30, daemon.services().checkout().placed());
        assertEquals(30, daemon.services().mailer().outbox().sent());
        assertEquals(30, daemon.services().avatars().refreshed());
        assertTrue(text(stdout).endsWith("stopped after 90 jobs" + System.lineSeparator()), text(stdout));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
