package dev.leakhunter.demo;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The producer thread: queues exactly {@code total} jobs (or jobs until stopped, when 0), at
 * {@code rate} jobs per second or, at rate 0, as fast as the workers take them (it blocks on the
 * full queue). Interrupting it stops it: it holds nothing that needs finishing.
 */
final class JobProducer implements Runnable {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final BlockingQueue<Job> queue;
    private final JobFactory jobs;
    private final long total;
    private final int rate;
    private final BooleanSupplier running;

    JobProducer(BlockingQueue<Job> queue, JobFactory jobs, long total, int rate, BooleanSupplier running) {
        this.queue = queue;
        this.jobs = jobs;
        this.total = total;
        this.rate = rate;
        this.running = running;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        try {
            for (long n = 0; (total == 0 || n < total) && running.getAsBoolean(); n++) {
                if (rate > 0 && !waitUntil(start + scheduledOffsetNanos(n))) {
                    return;
                }
                queue.put(jobs.next());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Job n is due n/rate seconds after start: a schedule, so a slow moment is caught up on. */
    private long scheduledOffsetNanos(long n) {
        return (long) (n * ((double) NANOS_PER_SECOND / rate));
    }

    /** Parks until {@code deadline} ({@link System#nanoTime()}); false if stopped meanwhile. */
    private boolean waitUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.currentThread().isInterrupted() || !running.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }
}
