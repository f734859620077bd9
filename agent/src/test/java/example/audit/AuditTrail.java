package example.audit;

/**
 * A user's class outside leakhunter's packages (whose objects the walk leaves out): an audit trail
 * appended to per job, 16 characters a line. {@link #record} never empties it, one buffer doubling
 * as it fills, so its instance count stays flat while its bytes grow in steps; {@link Window}
 * empties its own every 100 lines and keeps its capacity, so it stops growing. {@link Access} is
 * a second trail, ten times as fast, for a second test in the same JVM.
 */
public final class AuditTrail {
  private static final StringBuilder LINES = new StringBuilder();

  private AuditTrail() {
  }

  /** 16 characters per call ("job 100123 done"), kept for good. */
  public static void record(int job) {
    LINES.append("job ").append(100_000 + job).append(" done\n");
  }

  public static int length() {
    return LINES.length();
  }

  /** Another trail kept for good, held by {@code Access.LINES}: ten lines, 160 characters, per call. */
  public static final class Access {
    private static final StringBuilder LINES = new StringBuilder();

    private Access() {
    }

    public static void record(int job) {
      for (int i = 0; i < 10; i++) {
        LINES.append("job ").append(100_000 + job).append(" done\n");
      }
    }
  }

  /** The last 100 lines only: emptied, capacity kept, every 100 calls. */
  public static final class Window {
    private final StringBuilder lines = new StringBuilder();
    private int count;

    public void record(int job) {
      if (count++ % 100 == 0) {
        lines.setLength(0);
      }
      lines.append("job ").append(100_000 + job).append(" done\n");
    }
  }
}
