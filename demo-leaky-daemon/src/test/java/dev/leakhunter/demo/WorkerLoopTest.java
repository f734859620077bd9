package dev.leakhunter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkerLoopTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void aFailingJobIsLoggedOnceAndTheWorkerCarriesOn() throws Exception {
        Services services = Services.create(EnumSet.noneOf(Leak.class));
        Worker worker = new Worker(services, EnumSet.noneOf(Leak.class));
        BlockingQueue<Job> queue = new ArrayBlockingQueue<>(10);
        AtomicBoolean running = new AtomicBoolean(true);
        Progress progress = new Progress(0, () -> { });
        Thread thread = new Thread(new WorkerLoop(queue, worker, progress, running::get, log), "demo-worker-test");

        // An unknown member: the directory throws, as a real lookup would. The producer never makes these.
        queue.add(new Job(7, JobKind.EMAIL, -1));
        queue.add(new Job(8, JobKind.AVATAR, 42));
        queue.add(new Job(9, JobKind.ORDER, 43));
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (progress.completed() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        running.set(false);
        thread.join(5_000);

        assertFalse(thread.isAlive(), "the loop ends once stopped");
        assertEquals(3, progress.completed(), "a failed job still counts as done");
        assertEquals(1, progress.failed());
        assertEquals(1, services.avatars().refreshed(), "the job after the failure ran");
        assertEquals(1, services.checkout().placed());
        String[] lines = logged.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(1, lines.length, logged.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].startsWith("demo-worker-test: job 7 (email, member -1) failed: "
                + "java.lang.IllegalArgumentException: no member -1"), lines[0]);
    }

    @Test
    void theTargetIsReachedOnceAtExactlyTheNthJob() {
        int[] reached = new int[1];
        Progress progress = new Progress(3, () -> reached[0]++);
        progress.jobFinished(true);
        progress.jobFinished(false);
        assertEquals(0, reached[0]);
        progress.jobFinished(true);
        assertEquals(1, reached[0]);
        progress.jobFinished(true);
        assertEquals(1, reached[0]);
        assertEquals(4, progress.completed());
    }
}
