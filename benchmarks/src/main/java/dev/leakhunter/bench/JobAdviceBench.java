package dev.leakhunter.bench;

import dev.leakhunter.jobs.JobTracker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the job advice adds to one job when no sample is due: {@link JobTracker#enter()} and
 * {@link JobTracker#exit(JobTracker.Slot)} called directly, against the same job without them.
 *
 * <p>The job is a tiny non-inlined method, so the difference between {@code tracked} and
 * {@code bare} is the tracker's own cost. {@link WovenJobBench} measures the same through the
 * code the real agent weaves. Run by scripts/bench.sh, never by {@code mvn verify}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class JobAdviceBench {

  private long work;

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private long job() {
    return ++work;
  }

  @Benchmark
  public long bare() {
    return job();
  }

  @Benchmark
  public long tracked() {
    JobTracker.Slot slot = JobTracker.enter();
    try {
      return job();
    } finally {
      JobTracker.exit(slot);
    }
  }

  /** Two workers on two cores: the shared counters' cache line moves between them. */
  @Benchmark
  @Threads(2)
  public long trackedTwoThreads() {
    return tracked();
  }

  @Benchmark
  @Threads(2)
  public long bareTwoThreads() {
    return bare();
  }
}
