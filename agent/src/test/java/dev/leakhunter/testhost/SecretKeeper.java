package dev.leakhunter.testhost;

import java.util.ArrayList;
import java.util.List;

/**
 * A daemon that leaks sessions holding secrets: a token string and a password array per job, kept
 * in a static list. SecurityIT greps every file the agent writes for them: object values must
 * never reach a report, only types, field names and frames.
 */
public final class SecretKeeper {
  /** Never to be seen outside this process. */
  public static final String SECRET = "s3cr3t-token";
  static final List<Session> SESSIONS = new ArrayList<>();

  private SecretKeeper() {
  }

  /** One session per job, holding its secrets. */
  public static final class Session {
    final String token;
    final char[] password;

    Session(int n) {
      this.token = SECRET + "-" + n;
      this.password = (SECRET + "-password-" + n).toCharArray();
    }
  }

  public static final class Handler {
    public void handle(int n) {
      SESSIONS.add(new Session(n));
    }
  }

  /** {@code jobs} jobs, one every {@code pauseMs} milliseconds. */
  public static void main(String[] args) throws InterruptedException {
    int jobs = Integer.parseInt(args[0]);
    long pauseMs = Long.parseLong(args[1]);
    Handler handler = new Handler();
    for (int i = 0; i < jobs; i++) {
      handler.handle(i);
      Thread.sleep(pauseMs);
    }
    System.out.println("stopped after " + jobs + " jobs, holding " + SESSIONS.size() + " sessions");
  }
}
