package dev.leakhunter.catalogue;

import java.util.ArrayList;
import java.util.List;

/** Leak 3: a ThreadLocal list on each of a fixed pool's threads gets one entry per job, never cleared. */
public final class ThreadLocalList extends Fixture {
  static final ThreadLocal<List<AuditEntry>> AUDIT = ThreadLocal.withInitial(ArrayList::new);

  static final class AuditEntry {
    final int job;
    final long at;

    AuditEntry(int job, long at) {
      this.job = job;
      this.at = at;
    }
  }

  @Override
  int workers() {
    return 4;
  }

  @Override
  public void job(int n) {
    AUDIT.get().add(new AuditEntry(n, System.nanoTime()));
    Work.sink += Work.transientWork(n, 20);
  }
}
