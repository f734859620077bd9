package dev.leakhunter.catalogue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Leak 1: a static cache keyed by a unique request id, never evicted. */
public final class StaticMapCache extends Fixture {
  static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  /** What the leak keeps: one per job. */
  static final class Session {
    final String user;
    final long createdAt;

    Session(String user, long createdAt) {
      this.user = user;
      this.createdAt = createdAt;
    }
  }

  @Override
  public void job(int n) {
    String requestId = "req-" + n + "-" + Long.toHexString(System.nanoTime());
    SESSIONS.put(requestId, new Session("user" + (n % 50), System.currentTimeMillis()));
    Work.sink += Work.transientWork(n, 20);
  }
}
