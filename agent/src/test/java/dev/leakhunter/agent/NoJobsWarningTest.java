package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoJobsWarningTest {

  @Test
  void theNearestNamesComeFirst() {
    List<String> loaded = List.of("com.acme.Scheduler", "com.acme.Worker", "com.acme.WorkerPool", "org.other.Thing");
    assertEquals(List.of("com.acme.Worker", "com.acme.WorkerPool"), NoJobsWarning.nearest("com.acme.Workr", loaded, 2));
    assertEquals(List.of("com.acme.Worker"), NoJobsWarning.nearest("com.acme.*orker", loaded, 1),
        "a glob's star is left out of the comparison");
    assertEquals(List.of(), NoJobsWarning.nearest("com.acme.Worker", List.of(), 3));
  }

  @Test
  void distanceIsTheEditDistance() {
    assertEquals(0, NoJobsWarning.distance("Worker", "Worker"));
    assertEquals(1, NoJobsWarning.distance("Workr", "Worker"));
    assertEquals(3, NoJobsWarning.distance("kitten", "sitting"));
    assertEquals(6, NoJobsWarning.distance("", "Worker"));
  }
}
