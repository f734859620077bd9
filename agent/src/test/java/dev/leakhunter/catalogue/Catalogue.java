package dev.leakhunter.catalogue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The catalogue's shared runner: {@code Catalogue FIXTURE [--jobs=N] [--rate=R] [--workers=W]}.
 * Runs N jobs of the named fixture (a class in this package) on W worker threads, started at most R
 * per second overall (0 = flat out), prints {@code stopped after N jobs} and exits 0. It exits with
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
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      switch (kv[0]) {
        case "--jobs": jobs = Integer.parseInt(kv[1]); break;
        case "--rate": rate = Double.parseDouble(kv[1]); break;
        case "--workers": workers = Integer.parseInt(kv[1]); break;
        default:
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
      }
    }
    System.out.println("started: fixture=" + args[0] + " jobs=" + jobs + " rate=" + rate + " workers=" + workers);
    run(fixture, jobs, rate, workers);
    System.out.println("stopped after " + jobs + " jobs");
    System.exit(0);
  }

  static void run(Fixture fixture, int jobs, double rate, int workers) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    long nanosPerJob = rate <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / rate);
    Thread[] threads = new Thread[workers];
    for (int w = 0; w < workers; w++) {
      threads[w] = new Thread(() -> {
        for (int n; (n = next.getAndIncrement()) < jobs; ) {
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
        }
      }, "catalogue-worker-" + w);
      threads[w].start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}
