package dev.leakhunter.growth;

import java.util.List;

/**
 * The growth model's conclusion.
 *
 * @param verdict     leak / no-leak / inconclusive
 * @param suspects    ranked: by cluster, then bytes per job, largest first; empty unless {@code LEAK}
 * @param samplesUsed how many samples (after warm-up) the verdict rests on
 * @param note        why the verdict is inconclusive (e.g. how many more samples are needed), or a
 *                    caveat on a verdict (a leak on strong evidence before {@code minSamples}; types
 *                    over the model's cap were not tracked); otherwise null
 */
public record Analysis(Verdict verdict, List<Suspect> suspects, int samplesUsed, String note) {
  public Analysis {
    suspects = List.copyOf(suspects);
  }

  public static Analysis inconclusive(int samplesUsed, String note) {
    return new Analysis(Verdict.INCONCLUSIVE, List.of(), samplesUsed, note);
  }
}
