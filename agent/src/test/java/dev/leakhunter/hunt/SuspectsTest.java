package dev.leakhunter.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakhunter.growth.Suspect;
import dev.leakhunter.retention.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuspectsTest {

  @Test
  void theWalkTakesTheLeadSuspectsAndTheFollowingTakesAll() {
    List<Suspect> suspects = new ArrayList<>();
    for (int i = 0; i < Suspects.WALKED + 2; i++) {
      suspects.add(new Suspect("com.acme.T" + i, 1.0, 16.0 * (i + 1), 0.99, 1, List.of()));
    }
    List<Target> targets = Suspects.walkTargets(suspects);
    assertEquals(Suspects.WALKED, targets.size());
    assertEquals(new Target("com.acme.T0", 16.0), targets.get(0));
    targets.add(new Target("com.acme.Traced", 0)); // the agent's trace=TYPE goes on the list
    assertEquals(Suspects.WALKED + 2, Suspects.types(suspects).size());
    assertEquals("com.acme.T9", Suspects.types(suspects).get(9));
  }
}
