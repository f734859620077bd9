package dev.leakhunter.catalogue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The catalogue's shared runner: {@code Catalogue FIXTURE [--jobs=N] [--rate=R] [--workers=W]
 * [--seconds=S]}. Runs N jobs of the named fixture (a class in this package) on W worker threads,
 * started at most R per second overall (0 = flat out), or, with S, as many as start within S
 * seconds (at most N); prints {@code stopped after N jobs} and exits 0. It exits with
 * {@link System#exit}, so a fixture's leaked non-daemon threads cannot keep the JVM up.
 */
public final class Catalogue {

  private Catalogue() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Catalogue FIXTURE [--jobs=N] [--rate=R] [--workers=W]");
      System.exit(2);
    }
    Fixture fixture = (Fixture) Class.forName(Catalogue.class.getPackageName() + "." + args[0])
        .getDeclaredConstructor().newInstance();
    int jobs = 600;
    double rate = 300;
    int workers = fixture.workers();
    double seconds = 0;
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      switch (kv[0]) {
        case "--jobs": jobs = Integer.parseInt(kv[1]); break;
        case "--rate": rate = Double.parseDouble(kv[1]); break;
        case "--workers": workers = Integer.parseInt(kv[1]); break;
        case "--seconds": seconds = Double.parseDouble(kv[1]); break;
        default:
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
      }
    }
    System.out.println("started: fixture=" + args[0] + " jobs=" + jobs + " rate=" + rate + " workers=" + workers
        + (seconds > 0 ? " seconds=" + seconds : ""));
    int ran = run(fixture, jobs, rate, workers, seconds);
    System.out.println("stopped after " + ran + " jobs");
    System.exit(0);
  }

  /**
   * Runs the jobs and returns once all are done. The workers then stay alive until the JVM exits,
   * as a daemon's pool threads do: what they hold (a ThreadLocal) is still there for the agent's
   * last census at shutdown.
   */
  static int run(Fixture fixture, int jobs, double rate, int workers, double seconds) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ran = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(workers);
    long start = System.nanoTime();
    long end = seconds > 0 ? start + (long) (seconds * TimeUnit.SECONDS.toNanos(1)) : Long.MAX_VALUE;
    long nanosPerJob = rate <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / rate);
    Thread[] threads = new Thread[workers];
    for (int w = 0; w < workers; w++) {
      threads[w] = new Thread(() -> {
        try {
          work(fixture, jobs, next, ran, start, nanosPerJob, end);
        } finally {
          done.countDown();
        }
        while (true) {
          LockSupport.park();
        }
      }, "catalogue-worker-" + w);
      threads[w].setDaemon(true);
      threads[w].start();
    }
    done.await();
    return ran.get();
  }

  private static void work(Fixture fixture, int jobs, AtomicInteger next, AtomicInteger ran, long start,
                           long nanosPerJob, long end) {
    for (int n; (n = next.getAndIncrement()) < jobs && System.nanoTime() - end < 0; ) {
      // Job n starts no earlier than n / rate seconds after the start: a steady arrival rate.
      long due = start + n * nanosPerJob;
      for (long wait; (wait = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      try {
        fixture.job(n);
      } catch (Exception e) {
        throw new IllegalStateException("job " + n + " failed", e);
      }
      ran.incrementAndGet();
    }
  }
}
