package dev.leakhunter.publish;

import dev.leakhunter.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * The hunt's findings as JFR events: {@code dev.leakhunter.Census} after every census and
 * {@code dev.leakhunter.LeakSuspect} per suspect when the verdict, the suspects or their roots
 * change. Enabled by default in any recording, no stack traces.
 *
 * <p>Nothing of JFR is touched until the JVM's recorder is initialized (a recording started with
 * {@code -XX:StartFlightRecording} or {@code jcmd PID JFR.start}, at any time): until then each
 * call is one static boolean read, and the event classes are not loaded. Failures are the agent's
 * own: a JVM without JFR just gets no events.
 */
public final class JfrEvents {
  /** Suspects written per change, most significant first: a recording's size stays bounded. */
  static final int TOP = 10;

  private boolean broken;
  // What the last LeakSuspect events said: verdict, then type, leak and root per suspect.
  private List<String> said = List.of();

  /** After a census, with the report it made. */
  public void afterCensus(Report.Sample sample, Report report) {
    if (broken || !recording()) {
      return;
    }
    try {
      CensusEvent census = new CensusEvent();
      if (census.shouldCommit()) {
        census.jobs = sample.jobs();
        census.liveBytes = sample.liveBytes();
        census.liveObjects = sample.liveObjects();
        census.censusMillis = sample.censusMs();
        census.verdict = report.verdict().json();
        census.commit();
      }
      suspects(report, sample.jobs());
    } catch (RuntimeException | LinkageError e) {
      broken = true; // no JFR in this JVM, or it refuses our events: the hunt goes on without
    }
  }

  private void suspects(Report report, long jobs) {
    List<Report.SuspectReport> top = report.suspects().subList(0, Math.min(TOP, report.suspects().size()));
    List<String> now = new ArrayList<>();
    now.add(report.verdict().json());
    for (Report.SuspectReport s : top) {
      now.add(s.suspect().type() + " " + s.suspect().cluster() + " " + root(s));
    }
    if (now.equals(said)) {
      return;
    }
    // Said only once a recording takes the events: a stream opened later (a remote one, after the
    // leak was found) gets the suspects as they are then, not only their next change.
    if (!new LeakSuspectEvent().shouldCommit()) {
      return;
    }
    said = now;
    for (Report.SuspectReport s : top) {
      LeakSuspectEvent e = new LeakSuspectEvent();
      if (!e.shouldCommit()) {
        return;
      }
      e.type = s.suspect().type();
      e.cluster = s.suspect().cluster();
      e.instancesPerJob = s.suspect().instancesPerJob();
      e.bytesPerJob = s.suspect().bytesPerJob();
      e.confidence = s.suspect().confidence();
      e.root = root(s);
      e.jobs = jobs;
      e.verdict = report.verdict().json();
      e.commit();
    }
  }

  private static String root(Report.SuspectReport s) {
    return s.roots().isEmpty() ? null : s.roots().get(0).root();
  }

  private boolean recording() {
    try {
      return jdk.jfr.FlightRecorder.isInitialized();
    } catch (LinkageError e) {
      broken = true; // a runtime image without the jdk.jfr module
      return false;
    }
  }
}
