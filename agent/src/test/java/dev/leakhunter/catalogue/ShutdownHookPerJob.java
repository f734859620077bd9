package dev.leakhunter.catalogue;

/**
 * Leak 11, through a JDK API: each job registers a shutdown hook to clean its temp files up
 * (Gobblin, Iceberg): java.lang.ApplicationShutdownHooks.hooks keeps every one until exit.
 */
public final class ShutdownHookPerJob extends Fixture {

  static final class CleanupHook extends Thread {
    final String dir;

    CleanupHook(String dir) {
      this.dir = dir;
    }

    @Override
    public void run() {
      Work.sink += dir.length();
    }
  }

  @Override
  public void job(int n) {
    Runtime.getRuntime().addShutdownHook(new CleanupHook("/tmp/job-" + n));
    Work.sink += Work.transientWork(n, 20);
  }
}
