package dev.leakhunter.growth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Groups suspects into leaks. One leak retains several types at the same rate: a static map
 * caching one {@code com.acme.Session} per job also retains one {@code HashMap$Node}, one
 * {@code String} key and one {@code byte[]} per job. So suspects whose instances per job agree
 * within {@value #TOLERANCE_PERCENT}% form one cluster.
 *
 * <p>Suspects whose count does not grow (bytes only: a builder or array growing in place) are
 * clustered among themselves by bytes per job, with the same tolerance: their byte rate cannot be
 * compared with other suspects' instance rates.
 */
final class Clusters {
  private static final int TOLERANCE_PERCENT = 15;

  /** A suspect before it has a cluster number. */
  record Candidate(String type, double instancesPerJob, double bytesPerJob, double confidence,
                   List<SeriesPoint> series) {
    Suspect toSuspect(int cluster) {
      return new Suspect(type, instancesPerJob, bytesPerJob, confidence, cluster, series);
    }
  }

  private static final Comparator<Candidate> BY_BYTES_THEN_NAME =
      Comparator.comparingDouble(Candidate::bytesPerJob).reversed()
          .thenComparing(Candidate::type);

  private static final Comparator<Candidate> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt((Candidate c) -> TypeNames.specificity(c.type()))
          .thenComparing(BY_BYTES_THEN_NAME);

  private Clusters() {
  }

  /**
   * Suspects ordered by cluster (1 = most bytes per job in total), each cluster's lead first (the
   * most specific type, then the most bytes per job), then the rest by bytes per job.
   */
  static List<Suspect> rank(List<Candidate> candidates) {
    List<Candidate> counted = new ArrayList<>();
    List<Candidate> bytesOnly = new ArrayList<>();
    for (Candidate c : candidates) {
      (c.instancesPerJob() > 0 ? counted : bytesOnly).add(c);
    }
    List<List<Candidate>> clusters = new ArrayList<>();
    group(counted, Candidate::instancesPerJob, clusters);
    group(bytesOnly, Candidate::bytesPerJob, clusters);
    for (List<Candidate> cluster : clusters) {
      Candidate lead = cluster.stream().min(MOST_SPECIFIC_FIRST).orElseThrow();
      cluster.remove(lead);
      cluster.sort(BY_BYTES_THEN_NAME);
      cluster.add(0, lead);
    }
    clusters.sort(Comparator.comparingDouble(Clusters::totalBytesPerJob).reversed()
        .thenComparing(cluster -> cluster.get(0).type()));
    List<Suspect> ranked = new ArrayList<>(candidates.size());
    for (int i = 0; i < clusters.size(); i++) {
      for (Candidate c : clusters.get(i)) {
        ranked.add(c.toSuspect(i + 1));
      }
    }
    return ranked;
  }

  /**
   * Greedy from the fastest: each cluster takes every suspect within the tolerance of its first
   * (fastest) member, so a run of rates each 10% apart does not chain into one cluster.
   */
  private static void group(List<Candidate> candidates, ToDoubleFunction<Candidate> rate,
                            List<List<Candidate>> into) {
    candidates.sort(Comparator.comparingDouble(rate).reversed().thenComparing(Candidate::type));
    List<Candidate> current = null;
    double anchor = 0;
    for (Candidate c : candidates) {
      double r = rate.applyAsDouble(c);
      if (current == null || r < anchor * (100 - TOLERANCE_PERCENT) / 100) {
        current = new ArrayList<>();
        into.add(current);
        anchor = r;
      }
      current.add(c);
    }
  }

  private static double totalBytesPerJob(List<Candidate> cluster) {
    double total = 0;
    for (Candidate c : cluster) {
      total += c.bytesPerJob();
    }
    return total;
  }
}
