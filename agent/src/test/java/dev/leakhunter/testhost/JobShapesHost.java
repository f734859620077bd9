package dev.leakhunter.testhost;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A daemon whose jobs come in every shape the agent must count exactly, run in a forked JVM under
 * the agent (JobShapesIT): instance and static job methods, jobs that throw (their exception must
 * reach this caller), recursive jobs (one job, however deep), 16 platform threads running jobs at
 * once, virtual threads (JDK 21+, looked up by reflection: the tests compile for 17), and one job
 * that never returns. It prints how many jobs returned, which the report must say to the job.
 */
public final class JobShapesHost {
  static final AtomicLong SINK = new AtomicLong();
  static final CountDownLatch NEVER = new CountDownLatch(1);

  private JobShapesHost() {
  }

  /** The job boundaries: {@code Worker#job} and {@code Worker#staticJob}. */
  public static final class Worker {
    /** A job; {@code depth > 0} recurses into itself, which is still one job. */
    public int job(int n, int depth) {
      if (depth > 0) {
        return job(n, depth - 1) + 1;
      }
      if (n < 0) {
        throw new IllegalStateException("job " + n + " failed");
      }
      if (n == Integer.MAX_VALUE) {
        try {
          NEVER.await(); // never counted down: this job never returns
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      SINK.addAndGet(n);
      return n;
    }

    public static long staticJob(int n) {
      return SINK.addAndGet(n);
    }
  }

  public static void main(String[] args) throws Exception {
    Worker worker = new Worker();
    long returned = 0;
    for (int i = 0; i < 200; i++) {
      worker.job(i, 0);
      Worker.staticJob(i);
      returned += 2;
    }
    int thrown = 0;
    for (int i = 1; i <= 100; i++) {
      try {
        worker.job(-i, 0);
      } catch (IllegalStateException e) {
        thrown++;
      }
      returned++;
    }
    for (int i = 0; i < 100; i++) {
      worker.job(i, 3);
      returned++;
    }
    Thread hanging = new Thread(() -> worker.job(Integer.MAX_VALUE, 0), "never-returns");
    hanging.setDaemon(true);
    hanging.start();

    runAll(platformThreads(16, worker, 500));
    returned += 16 * 500;
    Method ofVirtual = virtualThreads();
    long virtual = 0;
    if (ofVirtual != null) {
      List<Thread> threads = new ArrayList<>();
      Object builder = ofVirtual.invoke(null);
      Method unstarted = Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class);
      for (int t = 0; t < 1_000; t++) {
        int base = t * 5;
        threads.add((Thread) unstarted.invoke(builder, (Runnable) () -> {
          for (int i = 0; i < 5; i++) {
            worker.job(base + i, i % 2);
          }
        }));
      }
      runAll(threads);
      virtual = 5L * threads.size();
      returned += virtual;
    }
    System.out.println("jobs returned: " + returned + " (thrown to the caller: " + thrown + ", virtual threads: "
        + (ofVirtual == null ? "none before JDK 21" : virtual + " jobs") + ")");
  }

  private static List<Thread> platformThreads(int count, Worker worker, int each) {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int base = t * each;
      threads.add(new Thread(() -> {
        for (int i = 0; i < each; i++) {
          if (i % 2 == 0) {
            worker.job(base + i, i % 3);
          } else {
            Worker.staticJob(base + i);
          }
        }
      }, "worker-" + t));
    }
    return threads;
  }

  /** Starts every thread, then waits for all of them. */
  private static void runAll(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private static Method virtualThreads() {
    try {
      return Thread.class.getMethod("ofVirtual");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
