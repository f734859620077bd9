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
 * @param plateaus    application types that grew and then stayed flat: not leaks, and why
 */
public record Analysis(Verdict verdict, List<Suspect> suspects, int samplesUsed, String note, List<Plateau> plateaus) {
  public Analysis {
    suspects = List.copyOf(suspects);
    plateaus = List.copyOf(plateaus);
  }

  /** An analysis with no plateau to tell. */
  public Analysis(Verdict verdict, List<Suspect> suspects, int samplesUsed, String note) {
    this(verdict, suspects, samplesUsed, note, List.of());
  }

  public static Analysis inconclusive(int samplesUsed, String note) {
    return new Analysis(Verdict.INCONCLUSIVE, List.of(), samplesUsed, note);
  }
}
