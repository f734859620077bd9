package dev.leakhunter.allocation;

import java.util.List;

/**
 * One allocation site of a tracked type.
 *
 * @param frames    innermost first, {@code Class.method(File.java:42)}, the constructor's caller first
 * @param sampled   instances constructed here whose construction was sampled
 * @param survivors of the latest sampled ones (at most {@link TypeSites#KEPT_PER_SITE}), those still
 *                  alive: after the census's full GC, the ones something holds
 */
public record Site(List<String> frames, long sampled, int survivors) {
  public Site {
    frames = List.copyOf(frames);
  }
}
