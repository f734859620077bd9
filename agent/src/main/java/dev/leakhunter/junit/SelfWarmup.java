package dev.leakhunter.junit;

import dev.leakhunter.agent.AgentWarmup;
import dev.leakhunter.census.CensusException;
import dev.leakhunter.common.OwnConstants;
import dev.leakhunter.growth.Verdict;
import dev.leakhunter.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Once per JVM, before the first real baseline census: runs the agent's warm-up (model and report
 * writers on made-up data), then a whole hunt of an empty job with every setting in use, and
 * renders its failure messages. The first run of each of these paths leaves JDK objects behind
 * (classes, method-handle forms, caches); in a real hunt they would read as growth of the job.
 */
final class SelfWarmup {
  /** Guarded by the hunt lock. */
  private static boolean done;

  private static final LeakCheck EXERCISE = LeakCheck.defaults().warmup(2).jobs(56).samples(7)
      .allowBytesPerJob(1).ignore("warmup.Ignored", "warmup.ignored.*");

  private SelfWarmup() {
  }

  static void ensure() {
    if (done) {
      return;
    }
    done = true; // once, even if it fails: a warm-up that fails is not retried before every hunt
    OwnConstants.resolve(); // before any baseline, as in the agent (see OwnConstants)
    Path dir = null;
    try {
      dir = Files.createTempDirectory("leakhunter-warmup");
      AgentWarmup.exercise(dir);
    } catch (CensusException e) {
      throw new IllegalStateException("leakhunter cannot take a census in this JVM: " + e.getMessage(), e);
    } catch (IOException e) {
      // Only the report writers' warm-up needs the scratch directory; the hunt below still runs.
    } finally {
      if (dir != null) {
        try {
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a leftover empty temporary directory
        }
      }
    }
    Report report = new Hunt(EXERCISE).go(() -> { });
    for (Verdict v : Verdict.values()) {
      Failure.message(report.withVerdict(v), EXERCISE);
    }
  }
}
