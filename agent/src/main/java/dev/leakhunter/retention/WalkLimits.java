package dev.leakhunter.retention;

/**
 * Bounds of one walk: the walk runs on the sampler thread and counts in the sample's cost, and its
 * identity set (one entry per object visited) is its memory.
 *
 * @param maxObjects  objects visited per walk, over all roots
 * @param maxNanos    time per walk
 * @param maxPerRoot  objects visited under one root; a larger root is cut off there, with a note,
 *                    so that one huge root (a whole application context) cannot starve the others
 */
public record WalkLimits(int maxObjects, long maxNanos, int maxPerRoot) {

  /** 500,000 objects (~10 MB of transient identity set), 1 s, 200,000 per root. */
  public static WalkLimits defaults() {
    return new WalkLimits(500_000, 1_000_000_000L, 200_000);
  }
}
