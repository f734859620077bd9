package dev.leakhunter.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.demo.JobFactory;
import dev.leakhunter.demo.Leak;
import dev.leakhunter.demo.Services;
import dev.leakhunter.demo.Worker;
import dev.leakhunter.growth.Suspect;
import dev.leakhunter.report.Report;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

/**
 * The demo daemon's worker driven in-process, as a user's leak test would drive their own job:
 * each planted leak fails {@code assertNoLeak} naming its type, the field that holds it and where it
 * is allocated, and the healthy worker passes.
 */
class DemoWorkerLeakTest {

  /**
   * Every third job is of the leaking kind; the avatar thumbnail cache (an LRU of 64) fills over
   * the first ~200 jobs: 600 jobs with a census every 25 see both the leak and the plateau.
   */
  static final LeakCheck CHECK = LeakHunter.check().jobs(600).samples(24);

  @ParameterizedTest(name = "--leak={0} names {1}")
  @CsvSource({
      "processed-log,  dev.leakhunter.demo.orders.Order,               dev.leakhunter.demo.Worker.processed",
      "template-cache, dev.leakhunter.demo.mail.TemplateClassLoader,   dev.leakhunter.demo.mail.TemplateCache.COMPILED",
      "async-save,     dev.leakhunter.demo.avatar.Member,              dev.leakhunter.demo.avatar.AvatarStore.connected",
  })
  void eachDemoLeakFailsNamingThePlantedType(String leak, String plantedType, String holdingField) {
    Set<Leak> leaks = Leak.parseList(leak);
    Worker worker = new Worker(Services.create(leaks), leaks);
    JobFactory jobs = new JobFactory();

    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> CHECK.assertNoLeak(() -> worker.handle(jobs.next())));

    String message = e.getMessage();
    assertTrue(message.contains("verdict: LEAK"), message);
    assertTrue(message.contains(plantedType), message);
    Report report = ((LeakAssertionError) e).report();
    Report.SuspectReport planted = report.suspects().stream()
        .filter(s -> s.suspect().type().equals(plantedType)).findFirst()
        .orElseThrow(() -> new AssertionError(plantedType + " is not a suspect\n" + message));
    Suspect s = planted.suspect();
    assertEquals(1.0 / 3, s.instancesPerJob(), 0.05, plantedType + " per job\n" + message);
    assertFalse(planted.roots().isEmpty(), "a root for " + plantedType + "\n" + message);
    assertTrue(message.contains(holdingField), message);
    assertFalse(planted.allocationSites().isEmpty(), "an allocation site for " + plantedType + "\n" + message);
    assertTrue(planted.allocationSites().get(0).frames().get(0).startsWith("dev.leakhunter.demo."), message);
    assertTrue(message.contains("allocated at dev.leakhunter.demo."), message);
  }

  @Test
  void theHealthyWorkerPasses() {
    Set<Leak> none = Leak.parseList("none");
    Worker worker = new Worker(Services.create(none), none);
    JobFactory jobs = new JobFactory();
    CHECK.assertNoLeak(() -> worker.handle(jobs.next()));
  }
}
