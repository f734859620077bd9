package dev.leakhunter.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.growth.SeriesPoint;
import dev.leakhunter.growth.Suspect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which first-window suspects the check follows on for a doubling buffer's next step. */
class StepWatchTest {

  private static Suspect suspect(double instancesPerJob, double bytesPerJob, long instances, long bytes) {
    List<SeriesPoint> series = List.of(new SeriesPoint(50, instances, bytes - 4_000),
        new SeriesPoint(450, instances, bytes));
    return new Suspect("byte[]", instancesPerJob, bytesPerJob, 0.99, 1, series);
  }

  @Test
  void aFlatCountIsABuffer() {
    assertTrue(StepWatch.grewBeyondCount(suspect(0, 21, 30_000, 3_000_000)));
  }

  @Test
  void aCountThatCreepsBesideTheBytesIsStillABuffer() {
    // Measured in a JUnit check on a loaded machine: +0.0035 arrays/job beside +21 bytes/job, at
    // ~100 bytes an array. Followed, or the second window's lack of a step passes the leak.
    assertTrue(StepWatch.grewBeyondCount(suspect(0.0035, 21.7, 30_000, 3_000_000)));
  }

  @Test
  void bytesThatFollowTheCountAreNoBuffer() {
    // One 24-byte array a job: its bytes are its count's.
    assertFalse(StepWatch.grewBeyondCount(suspect(1.0, 24, 30_000, 720_000)));
  }
}
