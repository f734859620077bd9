package dev.leakhunter.retention;

import java.util.List;

/**
 * A root that holds instances of a type, and one path from it.
 *
 * @param root        e.g. {@code static com.acme.Cache.ENTRIES} or
 *                    {@code com.acme.Worker.processed (job receiver)}
 * @param path        from the root's value to the type: {@code Holder.field} per hop, the type last
 * @param instances   instances reached from this root in the latest walk
 * @param perJob      growth of {@code instances} per job since the root was first seen, or NaN
 *                    before a second walk
 * @param bytesPerJob {@code perJob} times the census's bytes per instance; before a second walk,
 *                    the root's share of the instances times the suspect's bytes per job
 */
public record Holding(String root, List<String> path, long instances, double perJob, double bytesPerJob) {
  public Holding {
    path = List.copyOf(path);
  }
}
