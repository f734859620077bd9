package dev.leakhunter.retention;

import java.util.List;

/**
 * A root that holds instances of a type, and one path from it.
 *
 * @param root        e.g. {@code static com.acme.Cache.ENTRIES} or
 *                    {@code com.acme.Worker.processed (job receiver)}
 * @param path        from the root's value to the type: {@code Holder.field} per hop, the type last
 * @param instances    instances reached from this root in the latest walk (0 when it reached none)
 * @param bytes        their sizes, added up
 * @param perJob       growth of {@code instances} per job since the path was first seen, or NaN
 *                     before a second walk
 * @param bytesPerJob  growth of {@code bytes} per job since the path was first seen; before a
 *                     second walk, the path's share of the bytes reached times the suspect's bytes
 *                     per job
 * @param lastSeenJobs jobs completed at the latest walk that reached the type along this path
 */
public record Holding(String root, List<String> path, long instances, long bytes, double perJob, double bytesPerJob,
                      long lastSeenJobs) {
  public Holding {
    path = List.copyOf(path);
  }
}
