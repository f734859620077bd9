package dev.leakhunter.bench;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The job advice as the host gets it: {@link Job#run} is a job boundary woven by the real agent
 * when scripts/bench.sh runs this with
 * {@code -jvmArgsAppend -javaagent:leakhunter.jar=jobs=dev.leakhunter.bench.WovenJobBench$Job#run,warmup=2000000000}
 * (a warm-up longer than the run: no sample is ever due), and a plain method without the agent.
 * The difference between the two runs is the advice's cost per job.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WovenJobBench {

  /** The job method; the agent weaves its advice into {@code run}. */
  public static final class Job {
    private long work;

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public long run() {
      return ++work;
    }
  }

  private final Job job = new Job();

  @Benchmark
  public long job() {
    return job.run();
  }
}
