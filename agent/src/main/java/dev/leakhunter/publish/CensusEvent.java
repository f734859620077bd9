package dev.leakhunter.publish;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** One census of the hunt, as JDK Mission Control and {@code jfr print} show it. */
@Name("dev.leakhunter.Census")
@Label("Leak Hunter Census")
@Category({"Leak Hunter"})
@Description("A census of live objects taken by leakhunter after a number of completed jobs")
@StackTrace(false)
final class CensusEvent extends jdk.jfr.Event {
  @Label("Jobs Completed")
  long jobs;

  @Label("Live Bytes")
  @DataAmount
  long liveBytes;

  @Label("Live Objects")
  long liveObjects;

  @Label("Census Pause")
  @Timespan(Timespan.MILLISECONDS)
  long censusMillis;

  @Label("Verdict")
  @Description("leak, no-leak or inconclusive, after this census")
  String verdict;
}
