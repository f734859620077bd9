package dev.leakhunter.growth;

/** What the growth model concludes from the samples so far. */
public enum Verdict {
  /** At least one type grows steadily with the number of jobs. */
  LEAK("leak"),
  /** Enough samples, and nothing grows with jobs. */
  NO_LEAK("no-leak"),
  /** Too few samples (or too few jobs between them) to say. */
  INCONCLUSIVE("inconclusive");

  private final String json;

  Verdict(String json) {
    this.json = json;
  }

  /** The report's spelling: {@code leak}, {@code no-leak}, {@code inconclusive}. */
  public String json() {
    return json;
  }

  public static Verdict fromJson(String s) {
    for (Verdict v : values()) {
      if (v.json.equals(s)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown verdict '" + s + "'; expected leak, no-leak or inconclusive");
  }
}
