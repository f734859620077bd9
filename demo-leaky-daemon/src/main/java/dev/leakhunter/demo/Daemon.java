package dev.leakhunter.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The running daemon: the producer and worker threads, the heartbeat, the pid file, and the one
 * clean-stop path that both a signal (through the shutdown hook) and the end of a --jobs run take.
 */
final class Daemon {

    /** Bounded, like any real job queue: at --rate=0 the producer blocks on it, it never balloons. */
    static final int QUEUE_CAPACITY = 100;

    private final DaemonOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** Released when the --jobs target is reached or a stop has completed: what {@link #run()} waits for. */
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Progress progress;
    private final Services services;
    private final Thread producer;
    private final List<Thread> workers = new ArrayList<>();
    private final Heartbeat heartbeat;
    private final PidFile pidFile;
    private volatile boolean running = true;
    /** Guarded by this. */
    private boolean stopped;

    Daemon(DaemonOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.progress = new Progress(options.jobs(), finished::countDown);
        this.services = Services.create(options.leaks());
        this.producer = new Thread(
                new JobProducer(queue, new JobFactory(), options.jobs(), options.rate(), this::isRunning),
                "demo-producer");
        for (int i = 1; i <= options.workers(); i++) {
            Worker worker = new Worker(services, options.leaks());
            workers.add(new Thread(new WorkerLoop(queue, worker, progress, this::isRunning, err), "demo-worker-" + i));
        }
        this.heartbeat = new Heartbeat(options.heartbeatSeconds(), progress::completed, queue::size, out);
        this.pidFile = new PidFile(options.pidFile());
    }

    /**
     * Runs until --jobs jobs have completed or the process is told to stop; returns the exit
     * status: 0 after a clean stop, 1 if the pid file cannot be written.
     */
    int run() {
        // The hook before the pid file: a signal from now on removes the pid file again.
        Thread hook = new Thread(this::stop, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long pid = ProcessHandle.current().pid();
        try {
            pidFile.write(pid);
        } catch (IOException e) {
            removeHook(hook);
            err.println("demo-leaky-daemon: cannot write the pid file " + pidFile.path().toAbsolutePath() + " (" + e
                    + "); choose a writable place with --pid-file=PATH");
            return 1;
        }
        out.println(startLine(pid));
        producer.start();
        workers.forEach(Thread::start);
        heartbeat.start();

        awaitUninterruptibly(finished);
        stop();
        removeHook(hook);
        return 0;
    }

    /**
     * The clean stop, once, whoever asks first: stop the producer, let each worker finish the job
     * it is running (queued jobs are dropped), remove the pid file, print the final line.
     */
    void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            running = false;
            producer.interrupt();
            joinUninterruptibly(producer);
            workers.forEach(Daemon::joinUninterruptibly);
            heartbeat.stop();
            if (!pidFile.delete()) {
                err.println("demo-leaky-daemon: could not remove the pid file " + pidFile.path().toAbsolutePath());
            }
            out.println("stopped after " + progress.completed() + " jobs");
        }
        finished.countDown();
    }

    Services services() {
        return services;
    }

    long completedJobs() {
        return progress.completed();
    }

    private boolean isRunning() {
        return running;
    }

    private String startLine(long pid) {
        return "started: pid=" + pid
                + " leaks=" + Leak.describe(options.leaks())
                + " workers=" + options.workers()
                + " rate=" + (options.rate() == 0 ? "max" : options.rate() + "/s")
                + " jobs=" + (options.jobs() == 0 ? "unlimited" : Long.toString(options.jobs()))
                + " job-boundary=" + DaemonOptions.JOB_BOUNDARY;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The JVM is already stopping: the hook has run or is running stop(). Nothing to undo.
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
