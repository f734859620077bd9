package dev.leakhunter.junit;

import dev.leakhunter.report.Report;
import org.opentest4j.AssertionFailedError;

/**
 * A failed leak check. Its message is a one-line summary followed by the text report; the report
 * itself is here too, for tools that want more than the message.
 */
public final class LeakAssertionError extends AssertionFailedError {
  private static final long serialVersionUID = 1L;

  /** Not serialized: a report is a record of the run, not part of the failure's identity. */
  private final transient Report report;

  LeakAssertionError(String message, Report report) {
    super(message);
    this.report = report;
  }

  /** The report of the run that failed; null after deserialization. */
  public Report report() {
    return report;
  }
}
