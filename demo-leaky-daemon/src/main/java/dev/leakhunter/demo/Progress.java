package dev.leakhunter.demo;

import java.util.concurrent.atomic.AtomicLong;

/** Counts finished jobs, and says once when the --jobs target is reached. */
final class Progress {

    private final long target;
    private final Runnable onTargetReached;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** @param target jobs to complete before {@code onTargetReached} runs; 0 = no target */
    Progress(long target, Runnable onTargetReached) {
        this.target = target;
        this.onTargetReached = onTargetReached;
    }

    /** A job finished, well or not: a failed job is still done, or a run with --jobs would never end. */
    void jobFinished(boolean succeeded) {
        if (!succeeded) {
            failed.incrementAndGet();
        }
        if (completed.incrementAndGet() == target) {
            onTargetReached.run();
        }
    }

    long completed() {
        return completed.get();
    }

    long failed() {
        return failed.get();
    }
}
