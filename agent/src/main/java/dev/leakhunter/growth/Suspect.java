package dev.leakhunter.growth;

import java.util.List;

/**
 * A type whose live instances or bytes grow with the number of completed jobs.
 *
 * @param type            normalized type name
 * @param instancesPerJob robust slope of live instances against jobs completed
 * @param bytesPerJob     robust slope of live bytes against jobs completed
 * @param confidence      0..1, how steady and significant the growth is
 * @param cluster         1-based; suspects whose growth has the same shape share a cluster (one
 *                        leak holding several types, see {@link Clusters}); cluster 1 is led by an
 *                        application type and is the largest in bytes/job
 * @param series          the samples the verdict was drawn from, oldest first
 */
public record Suspect(String type, double instancesPerJob, double bytesPerJob, double confidence,
                      int cluster, List<SeriesPoint> series) {
  public Suspect {
    series = List.copyOf(series);
  }
}
