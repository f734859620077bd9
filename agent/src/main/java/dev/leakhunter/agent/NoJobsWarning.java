package dev.leakhunter.agent;

import dev.leakhunter.jobs.JobPattern;
import dev.leakhunter.jobs.JobTracker;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Says once, in the log and in the report, when the {@code jobs} pattern has matched nothing: a
 * typo ({@code jobs=com.acme.Workr#handle}) otherwise left the host running with no job counted,
 * no census and no word of it but the report's "no census yet". It names the loaded classes whose
 * names are nearest the pattern's type, so the fix is one look away.
 *
 * <p>Checked by the sampler while it waits: no job completed and no class woven
 * {@value #AFTER_SECONDS} s after the agent started.
 */
final class NoJobsWarning {
  static final long AFTER_SECONDS = 5;
  static final int NEAREST = 3;
  private static final long AFTER_NANOS = TimeUnit.SECONDS.toNanos(AFTER_SECONDS);

  private final AgentOptions options;
  private final JobEvents events;
  private final Instrumentation inst;
  private final long startNanos;
  private boolean checked;
  private volatile String note;

  NoJobsWarning(AgentOptions options, JobEvents events, Instrumentation inst, long startNanos) {
    this.options = options;
    this.events = events;
    this.inst = inst;
    this.startNanos = startNanos;
  }

  /** The warning when it was said, else null. */
  String note() {
    return note;
  }

  /** Called by the sampler; true once, when the warning is due (then {@link #note()} has it). */
  boolean due(long nowNanos) {
    if (checked || nowNanos - startNanos < AFTER_NANOS) {
      return false;
    }
    checked = true;
    if (JobTracker.completed() > 0 || events.instrumentedCount() > 0) {
      return false;
    }
    List<String> names = loadedClassNames();
    StringBuilder s = new StringBuilder("no loaded class matches jobs=").append(options.jobsJoined(":"))
        .append(" after ").append(AFTER_SECONDS).append(" s: no job is counted and no census is taken");
    for (JobPattern p : options.jobs()) {
      List<String> nearest = nearest(p.type(), names, NEAREST);
      if (!nearest.isEmpty() && nearest.get(0).equals(p.type())) {
        s.append("; ").append(p.type()).append(" is loaded, but no method '").append(p.method())
            .append("' of it or of a loaded subtype has been given a job boundary");
      } else if (!nearest.isEmpty()) {
        s.append("; loaded classes nearest ").append(p.type()).append(": ").append(String.join(", ", nearest));
      }
    }
    note = s.toString();
    return true;
  }

  private List<String> loadedClassNames() {
    List<String> names = new ArrayList<>();
    for (Class<?> c : inst.getAllLoadedClasses()) {
      String n = c.getName();
      if (!c.isArray() && !c.isPrimitive() && !c.isHidden() && !AgentPackages.isAgentType(n)
          && !n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.") && !n.startsWith("com.sun.")) {
        names.add(n);
      }
    }
    return names;
  }

  /** The {@code n} names nearest {@code type} (a pattern's type; {@code *} matches nothing here) by edit distance. */
  static List<String> nearest(String type, List<String> names, int n) {
    String want = type.replace("*", "");
    List<String> best = new ArrayList<>(n + 1);
    List<Integer> distances = new ArrayList<>(n + 1);
    for (String name : names) {
      int d = distance(want, name);
      int at = 0;
      while (at < best.size() && distances.get(at) <= d) {
        at++;
      }
      if (at < n) {
        best.add(at, name);
        distances.add(at, d);
        if (best.size() > n) {
          best.remove(n);
          distances.remove(n);
        }
      }
    }
    return best;
  }

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
