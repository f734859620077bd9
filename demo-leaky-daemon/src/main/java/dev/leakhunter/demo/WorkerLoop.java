package dev.leakhunter.demo;

import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A worker thread's loop: take a job, hand it to the {@link Worker}, survive its failure, repeat. */
final class WorkerLoop implements Runnable {

    /**
     * How often an idle worker checks for a stop. Workers are never interrupted, so a job
     * in progress (which may be reading a class file) always runs to its end.
     */
    static final long IDLE_POLL_MILLIS = 20;

    private final BlockingQueue<Job> queue;
    private final Worker worker;
    private final Progress progress;
    private final BooleanSupplier running;
    private final PrintStream log;

    WorkerLoop(BlockingQueue<Job> queue, Worker worker, Progress progress, BooleanSupplier running, PrintStream log) {
        this.queue = queue;
        this.worker = worker;
        this.progress = progress;
        this.running = running;
        this.log = log;
    }

    @Override
    public void run() {
        while (running.getAsBoolean()) {
            Job job;
            try {
                job = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (job != null) {
                runJob(job);
            }
        }
    }

    /** Exactly one {@code Worker.handle} call per job. A failing job costs one log line, not the worker. */
    void runJob(Job job) {
        boolean succeeded = false;
        try {
            worker.handle(job);
            succeeded = true;
        } catch (RuntimeException | LinkageError e) {
            log.println(Thread.currentThread().getName() + ": " + job + " failed: " + e);
        } finally {
            progress.jobFinished(succeeded);
        }
    }
}
