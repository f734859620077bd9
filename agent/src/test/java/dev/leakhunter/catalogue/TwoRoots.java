package dev.leakhunter.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two independent leaks under two roots, filled by the same jobs: each job opens a session that a
 * static map keeps, and writes an audit entry that a static list in another class keeps. Both grow
 * by one per job from the start, so their curves are the same shape; only their roots tell them
 * apart.
 */
public final class TwoRoots extends Fixture {

  static final class Sessions {
    static final Map<String, Session> OPEN = new ConcurrentHashMap<>();
  }

  static final class Audit {
    static final List<AuditEntry> TRAIL = new ArrayList<>();
  }

  static final class Session {
    final String user;
    final long openedAt;

    Session(String user, long openedAt) {
      this.user = user;
      this.openedAt = openedAt;
    }
  }

  static final class AuditEntry {
    final String what;
    final long at;

    AuditEntry(String what, long at) {
      this.what = what;
      this.at = at;
    }
  }

  @Override
  public void job(int n) {
    Sessions.OPEN.put("session-" + n, new Session("user" + (n % 50), System.currentTimeMillis()));
    synchronized (Audit.TRAIL) {
      Audit.TRAIL.add(new AuditEntry("job " + n + " done", System.nanoTime()));
    }
    Work.sink += Work.transientWork(n, 20);
  }
}
