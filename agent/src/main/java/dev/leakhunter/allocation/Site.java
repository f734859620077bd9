package dev.leakhunter.allocation;

import java.util.List;

/**
 * One allocation site of a tracked type.
 *
 * @param frames    innermost first, {@code Class.method(File.java:42)}, the constructor's caller first
 * @param sampled   instances constructed here whose construction was sampled
 * @param survivors of the latest sampled ones (at most {@link TypeSites#KEPT_PER_SITE}), the most
 *                  seen alive right after a census (its full GC): the ones something holds
 */
public record Site(List<String> frames, long sampled, int survivors) {
  public Site {
    frames = List.copyOf(frames);
  }
}
