package dev.leakhunter.publish;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A type that keeps growing per job, written when the verdict or the suspects change. */
@Name("dev.leakhunter.LeakSuspect")
@Label("Leak Suspect")
@Category({"Leak Hunter"})
@Description("A type whose live instances or bytes keep growing with completed jobs")
@StackTrace(false)
final class LeakSuspectEvent extends jdk.jfr.Event {
  @Label("Type")
  String type;

  @Label("Leak")
  @Description("The leak (cluster) the type grows with; 1 is the largest")
  int cluster;

  @Label("Instances per Job")
  double instancesPerJob;

  @Label("Bytes per Job")
  @DataAmount
  double bytesPerJob;

  @Label("Confidence")
  double confidence;

  @Label("Root")
  @Description("What holds the type, when a walk has found it")
  String root;

  @Label("Jobs Completed")
  long jobs;

  @Label("Verdict")
  String verdict;
}
