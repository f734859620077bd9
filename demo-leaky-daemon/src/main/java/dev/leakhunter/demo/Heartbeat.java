package dev.leakhunter.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Prints a progress line every few seconds on a daemon thread, so a run shows it is alive. */
final class Heartbeat {

    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private final int seconds;
    private final LongSupplier completedJobs;
    private final IntSupplier queueLength;
    private final PrintStream out;
    private ScheduledExecutorService timer;
    private long lastJobs;
    private long lastNanos;

    /** @param seconds the period; 0 = no heartbeat */
    Heartbeat(int seconds, LongSupplier completedJobs, IntSupplier queueLength, PrintStream out) {
        this.seconds = seconds;
        this.completedJobs = completedJobs;
        this.queueLength = queueLength;
        this.out = out;
    }

    synchronized void start() {
        if (seconds == 0 || timer != null) {
            return;
        }
        lastNanos = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::beat, seconds, seconds, TimeUnit.SECONDS);
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private synchronized void beat() {
        long now = System.nanoTime();
        long jobs = completedJobs.getAsLong();
        double rate = (jobs - lastJobs) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastJobs = jobs;
        lastNanos = now;
        Runtime runtime = Runtime.getRuntime();
        out.println(line(jobs, rate, queueLength.getAsInt(), runtime.totalMemory() - runtime.freeMemory()));
    }

    /** {@code heartbeat: jobs=1234 rate=812.3/s queue=100 heap=23.4 MB}. */
    static String line(long jobs, double ratePerSecond, int queueLength, long heapUsedBytes) {
        return String.format(Locale.ROOT, "heartbeat: jobs=%d rate=%.1f/s queue=%d heap=%.1f MB",
                jobs, ratePerSecond, queueLength, heapUsedBytes / BYTES_PER_MB);
    }
}
