package dev.leakhunter.catalogue;

import java.util.concurrent.locks.LockSupport;

/** Leak 5: each job starts a watcher thread that never ends. */
public final class ThreadPerJob extends Fixture {

  static final class Watcher extends Thread {
    Watcher(int n) {
      super("watcher-" + n);
      setDaemon(true);
    }

    @Override
    public void run() {
      while (true) {
        LockSupport.park(this);
      }
    }
  }

  @Override
  public void job(int n) {
    new Watcher(n).start();
    Work.sink += Work.transientWork(n, 20);
  }
}
