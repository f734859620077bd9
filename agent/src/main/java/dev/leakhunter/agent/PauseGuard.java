package dev.leakhunter.agent;

import java.util.concurrent.TimeUnit;

/**
 * Huge heaps: a census is a stop-the-world pause of about two full GCs, which grows with the live
 * heap (about 1.2 s per GB on G1). Spreading such pauses out within the overhead budget still
 * stalls every job for the whole pause, so once the next pause is predicted to exceed
 * {@code maxpause} the schedule samples less: the quiet after a census is stretched by
 * predicted/maxpause, so the hunt spends at most overhead*maxpause/pause of the wall time.
 *
 * <p>The next pause is predicted from the last two: the last one plus its growth over the one
 * before (a leak grows the heap, and with it the pause), never less than the last. Pure.
 */
final class PauseGuard {

  private final long maxPauseNanos;
  private long last = -1;
  private long previous = -1;

  PauseGuard(long maxPauseNanos) {
    if (maxPauseNanos <= 0) {
      throw new IllegalArgumentException("maxpause must be > 0: " + maxPauseNanos);
    }
    this.maxPauseNanos = maxPauseNanos;
  }

  void observe(long pauseNanos) {
    previous = last;
    last = Math.max(0, pauseNanos);
  }

  /** The next pause as predicted, or -1 before any was seen. */
  long predictedNanos() {
    if (last < 0) {
      return -1;
    }
    return previous < 0 ? last : last + Math.max(0, last - previous);
  }

  boolean over() {
    return predictedNanos() > maxPauseNanos;
  }

  /** How much longer the quiet after a census must be: 1 within the bound. */
  double stretch() {
    return over() ? (double) predictedNanos() / maxPauseNanos : 1.0;
  }

  /** What the log and the report say while the guard holds sampling back; null when it does not. */
  String note(double overheadPercent) {
    if (!over()) {
      return null;
    }
    long gapMs = TimeUnit.NANOSECONDS.toMillis((long) (predictedNanos() * stretch() * 100.0 / overheadPercent));
    return "a census is predicted to pause the JVM for " + ms(predictedNanos()) + ", over maxpause="
        + ms(maxPauseNanos) + ": sampling less often (about one census per " + seconds(gapMs)
        + "), so a verdict takes longer";
  }

  private static String ms(long nanos) {
    long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
    return ms >= 1000 && ms % 100 == 0 ? (ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s") : ms + "ms";
  }

  private static String seconds(long ms) {
    return ms >= 120_000 ? (ms / 60_000) + " min" : (ms / 1000) + " s";
  }
}
