package dev.leakhunter.catalogue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Leak 6: each job queues a flush behind a single-thread executor whose thread is stuck for good. */
public final class StuckExecutor extends Fixture {
  static final CountDownLatch NEVER = new CountDownLatch(1);
  static final ExecutorService FLUSHER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "flusher");
    t.setDaemon(true);
    return t;
  });

  static {
    FLUSHER.execute(() -> {
      try {
        NEVER.await(); // a remote call that never returns
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  static final class Flush implements Runnable {
    final int job;
    final byte[] payload;

    Flush(int job) {
      this.job = job;
      this.payload = new byte[64];
    }

    @Override
    public void run() {
      Work.sink += job + payload.length;
    }
  }

  @Override
  public void job(int n) {
    FLUSHER.execute(new Flush(n));
    Work.sink += Work.transientWork(n, 20);
  }
}
