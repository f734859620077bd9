package dev.leakhunter.testhost;

/** Stand-ins for a host application's job classes (outside the agent's own packages). */
public final class HostJobs {

  private HostJobs() {
  }

  public interface Job {
    int run(int depth);
  }

  /** Calls itself: nested calls of a job method count as one job. */
  public static final class Recursive implements Job {
    @Override
    public int run(int depth) {
      return depth <= 0 ? 0 : 1 + run(depth - 1);
    }
  }

  /** A job that throws is still a completed job. */
  public static final class Failing implements Job {
    @Override
    public int run(int depth) {
      throw new IllegalStateException("job failed on purpose");
    }
  }

  /** Loaded before the agent is installed: covered by retransformation. */
  public static final class LoadedEarly implements Job {
    @Override
    public int run(int depth) {
      return depth * 2;
    }
  }

  /** Not a Job: never counted, though its method has the same name. */
  public static final class Unrelated {
    public int run(int depth) {
      return depth;
    }
  }

  /** Waits inside its job method, to be seen in flight (agent-package classes are never woven). */
  public static final class Blocking implements Job {
    private final java.util.concurrent.CyclicBarrier inside;
    private final java.util.concurrent.CountDownLatch release;

    public Blocking(java.util.concurrent.CyclicBarrier inside, java.util.concurrent.CountDownLatch release) {
      this.inside = inside;
      this.release = release;
    }

    @Override
    public int run(int depth) {
      try {
        inside.await(1, java.util.concurrent.TimeUnit.MINUTES);
        release.await(1, java.util.concurrent.TimeUnit.MINUTES);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return depth;
    }
  }
}
