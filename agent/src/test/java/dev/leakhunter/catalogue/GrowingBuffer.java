package dev.leakhunter.catalogue;

/**
 * Leak 8: bytes only. One audit buffer, appended to by every job and never flushed: the count of
 * every type stays flat, the builder's backing array grows.
 */
public final class GrowingBuffer extends Fixture {
  static final StringBuilder AUDIT = new StringBuilder();

  @Override
  public synchronized void job(int n) {
    AUDIT.append("job ").append(n).append(" done by ").append(Thread.currentThread().getName())
        .append(" at ").append(System.nanoTime()).append(" status=ok latency-ms=12\n");
    Work.sink += Work.transientWork(n, 20);
  }
}
