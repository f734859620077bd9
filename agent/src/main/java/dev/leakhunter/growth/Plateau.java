package dev.leakhunter.growth;

/**
 * A type that grew and then stopped: no leak, and the report says why it was dismissed (a cache
 * that filled up, a pool that reached its size).
 *
 * @param type           the type, as the census names it
 * @param instancesGrown its live instances at the end less at {@code fromJobs}
 * @param bytesGrown     its live bytes at the end less at {@code fromJobs}
 * @param fromJobs       the first sample it was judged from
 * @param flatSinceJobs  the sample from which it stayed at its final level
 */
public record Plateau(String type, long instancesGrown, long bytesGrown, long fromJobs, long flatSinceJobs) {
}
