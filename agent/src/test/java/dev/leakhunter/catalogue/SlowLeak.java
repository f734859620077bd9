package dev.leakhunter.catalogue;

import java.util.ArrayList;
import java.util.List;

/** Leak 7: one small object every 10 jobs, amid heavy transient garbage. */
public final class SlowLeak extends Fixture {
  static final List<Marker> MARKERS = new ArrayList<>();

  static final class Marker {
    final int job;

    Marker(int job) {
      this.job = job;
    }
  }

  @Override
  public synchronized void job(int n) {
    if (n % 10 == 0) {
      MARKERS.add(new Marker(n));
    }
    Work.sink += Work.transientWork(n, 200) + Work.churn(n, 512);
  }
}
