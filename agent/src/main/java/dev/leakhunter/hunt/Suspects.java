package dev.leakhunter.hunt;

import dev.leakhunter.growth.Suspect;
import dev.leakhunter.retention.Target;
import java.util.ArrayList;
import java.util.List;

/** A verdict's suspects as the explaining takes them, the same for the agent and the JUnit API. */
public final class Suspects {
  /** Suspects walked for at most: the walk counts each, and the ranking puts the lead types first. */
  public static final int WALKED = 8;

  private Suspects() {
  }

  /** The first {@value #WALKED} suspects, as a walk's targets; a list the caller may add to. */
  public static List<Target> walkTargets(List<Suspect> suspects) {
    List<Target> targets = new ArrayList<>();
    for (Suspect s : suspects) {
      if (targets.size() < WALKED) {
        targets.add(new Target(s.type(), s.bytesPerJob()));
      }
    }
    return targets;
  }

  /** Every suspect's type, in rank order: the ones whose allocations are followed. */
  public static List<String> types(List<Suspect> suspects) {
    List<String> types = new ArrayList<>();
    for (Suspect s : suspects) {
      types.add(s.type());
    }
    return types;
  }
}
