package dev.leakhunter.census;

import dev.leakhunter.common.Faults;
import dev.leakhunter.common.PrivateModules;
import java.lang.instrument.Instrumentation;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.ReflectionException;
import javax.management.RuntimeMBeanException;

/**
 * Takes a census of the live heap of this JVM: a class histogram of live objects, through the
 * HotSpot {@code DiagnosticCommand} MBean (the in-process equivalent of
 * {@code jcmd PID GC.class_histogram}, without starting a process). The agent invokes that MBean
 * {@linkplain #reachDirectly directly}: starting the platform MBean server to reach it slows the host
 * (see {@link DiagnosticCommand}).
 *
 * <p>The command runs without {@code -all}, so HotSpot first does a full, stop-the-world GC and then
 * counts only what survived it: garbage that a later GC would collect never looks like a leak. The
 * price is a pause for every application thread of roughly two full GCs (see JVM-NOTES.md: about
 * 1.2 s per GB of live heap on G1), which is why callers take a census only on the evidence of the
 * cheap {@link Probes} and within the overhead budget.
 */
public final class Census {
  static final String MBEAN_NAME = DiagnosticCommand.MBEAN_NAME;
  private static final String OPERATION = "gcClassHistogram";
  /** No {@code -all}: the forced full GC is what makes the counts "live objects only". */
  private static final Object[] NO_OPTIONS = {new String[0]};
  private static final String[] SIGNATURE = {String[].class.getName()};
  /**
   * HotSpot skips the forced GC, and counts garbage too, while a thread holds the GC locker (a JNI
   * critical section: zip, CRC, some crypto), and only says so in a warning line on the JVM's own
   * log: measured on the demo daemon on JDK 17 flat out, 2-4 of its first 9 censuses. The collectors' counts then do not
   * move; the command is run again after a short wait (never longer than 30 ms in all), up to this
   * many times.
   */
  public static final int ATTEMPTS = 5;
  private static final long FIRST_RETRY_WAIT_NANOS = 2_000_000;

  /**
   * Set by {@link #reachDirectly}, or else resolved through the platform MBean server on the first
   * census, not at class loading: the agent may load us before JMX is up.
   */
  private static volatile Census platform;

  private final DiagnosticCommand command;
  private final LongSupplier collections;
  /** True once a census has seen the collection counts move: a JVM whose never do (Epsilon) is not retried. */
  private volatile boolean countsMove;

  /**
   * One census.
   *
   * @param histogram  live objects per type
   * @param pauseNanos wall time of the command: the forced full GC, the heap walk and building the
   *                   text, summed over the attempts. The application's threads are stopped for most
   *                   of it, so it is what a census cost the host, and what the overhead budget is
   *                   charged
   * @param liveOnly   false when HotSpot skipped the forced GC on every attempt (see
   *                   {@link #ATTEMPTS}): the histogram then counts garbage too, and is no sample
   * @param gcSkipped  attempts whose GC HotSpot skipped: each printed HotSpot's warning
   *                   {@code GC locker is held; pre-dump GC was skipped} on the JVM's own log
   */
  public record Result(Histogram histogram, long pauseNanos, boolean liveOnly, int gcSkipped) {
    public Result {
      Objects.requireNonNull(histogram, "histogram");
    }

    /** A census whose every attempt had its GC. */
    public Result(Histogram histogram, long pauseNanos, boolean liveOnly) {
      this(histogram, pauseNanos, liveOnly, 0);
    }
  }

  Census(MBeanServer server) {
    this(DiagnosticCommand.onServer(server));
  }

  Census(DiagnosticCommand command) {
    this(command, Probes::gcCount);
  }

  /** {@code collections}: the number of GCs so far, or -1 if this JVM does not count them. */
  Census(DiagnosticCommand command, LongSupplier collections) {
    this.command = command;
    this.collections = collections;
  }

  /**
   * Makes this JVM's censuses invoke the {@code DiagnosticCommand} MBean object itself, without the
   * platform MBean server, which a census would otherwise start (and the host would pay for; see
   * {@link DiagnosticCommand}). {@code jdk.management} is opened to a private module of the agent's
   * for it, not to the host. Call it before the first census; censuses already running are unaffected.
   *
   * @throws CensusException if the MBean object cannot be reached: censuses then go through the
   *                         platform MBean server, as without this call
   */
  public static void reachDirectly(Instrumentation inst) throws CensusException {
    DiagnosticCommand direct;
    try {
      direct = DiagnosticCommand.direct(PrivateModules.open(inst, "jdk.management"));
    } catch (Exception | LinkageError e) {
      throw new CensusException("could not reach " + MBEAN_NAME + " without the platform MBean server ("
          + jvm() + "): " + rootMessage(e), e);
    }
    synchronized (Census.class) {
      platform = new Census(direct);
    }
  }

  /**
   * Forces a full GC and returns the histogram of what survived it (unless HotSpot skipped the GC
   * on every attempt: see {@link Result#liveOnly()}). Blocks for the whole stop-the-world pause:
   * never call it on an application thread.
   *
   * @throws CensusException if this JVM has no {@code DiagnosticCommand} MBean (not HotSpot-based),
   *                         the command fails, or what it returns is not a class histogram
   */
  public static Result take() throws CensusException {
    return platform().takeHistogram(null);
  }

  /**
   * {@link #take()}, with the heap left by the census's GC at the size {@code keeper} keeps for the
   * host (null: the heap is left as it is, never shrunk).
   */
  public static Result take(HeapKeeper keeper) throws CensusException {
    return platform().takeHistogram(keeper);
  }

  Result takeHistogram(HeapKeeper keeper) throws CensusException {
    Faults.at(Faults.CENSUS);
    int maxFree = keeper == null ? HeapSizeHold.NEVER_SHRINK : keeper.maxFreePercent();
    long committedBefore = keeper == null ? 0 : keeper.committedNow();
    try {
      return takeHolding(maxFree);
    } finally {
      if (keeper != null) {
        keeper.afterCensus(maxFree, committedBefore);
      }
    }
  }

  Result takeHistogram() throws CensusException {
    return takeHistogram(null);
  }

  private Result takeHolding(int maxFree) throws CensusException {
    long pauseNanos = 0;
    long waitNanos = FIRST_RETRY_WAIT_NANOS;
    try (HeapSizeHold hold = HeapSizeHold.hold(maxFree)) { // once for all attempts: two flag writes, not ten
      for (int attempt = 1; ; attempt++) {
        long before = collections.getAsLong();
        long start = System.nanoTime();
        Object output = invoke();
        pauseNanos += System.nanoTime() - start;
        boolean collected = before < 0 || collections.getAsLong() != before;
        if (collected) {
          countsMove = true;
        }
        boolean live = collected || !countsMove;
        if (live || attempt == ATTEMPTS) {
          return result(output, pauseNanos, live, live ? attempt - 1 : attempt);
        }
        LockSupport.parkNanos(waitNanos);
        waitNanos *= 2;
      }
    }
  }

  private Object invoke() throws CensusException {
    try {
      return command.invoke(OPERATION, NO_OPTIONS, SIGNATURE);
    } catch (InstanceNotFoundException e) {
      throw new CensusException("no " + MBEAN_NAME + " MBean on this JVM (" + jvm()
          + "): live-object class histograms need a HotSpot-based JVM (OpenJDK, Temurin, ...)", e);
    } catch (ReflectionException e) {
      throw new CensusException(MBEAN_NAME + " has no usable " + OPERATION + "(String[]) operation on"
          + " this JVM (" + jvm() + "): " + rootMessage(e), e);
    } catch (MBeanException | RuntimeMBeanException e) {
      throw new CensusException("GC.class_histogram failed: " + rootMessage(e), e);
    } catch (JMException e) {
      throw new CensusException("could not invoke " + MBEAN_NAME + " " + OPERATION + ": "
          + rootMessage(e), e);
    } catch (RuntimeException e) { // RuntimeOperationsException, SecurityException, ...
      throw new CensusException("could not invoke " + MBEAN_NAME + " " + OPERATION + ": "
          + rootMessage(e), e);
    }
  }

  private static Result result(Object output, long pauseNanos, boolean liveOnly, int gcSkipped)
      throws CensusException {
    if (!(output instanceof String)) {
      throw new CensusException(MBEAN_NAME + " " + OPERATION + " returned "
          + (output == null ? "null" : "a " + output.getClass().getName()) + " instead of text");
    }
    try {
      return new Result(HistogramParser.parse((String) output), pauseNanos, liveOnly, gcSkipped);
    } catch (IllegalArgumentException e) {
      throw new CensusException("GC.class_histogram returned no histogram: " + e.getMessage(), e);
    }
  }

  private static Census platform() throws CensusException {
    Census census = platform;
    if (census == null) {
      synchronized (Census.class) {
        census = platform;
        if (census == null) {
          try {
            census = new Census(DiagnosticCommand.platform());
          } catch (RuntimeException e) {
            throw new CensusException("could not get the platform MBean server: " + rootMessage(e), e);
          }
          platform = census;
        }
      }
    }
    return census;
  }

  /** JMX wraps the interesting exception one or two levels deep; its message is the useful one. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String jvm() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
  }
}
