package dev.leakhunter.allocation;

import java.lang.ref.WeakReference;

/**
 * A sampled instance, weakly. A class of the agent's own rather than a plain {@link WeakReference}:
 * the census leaves the agent's types out, and a few thousand {@code WeakReference}s appearing as
 * sites fill would otherwise read as growth in a JDK type.
 */
final class SampleRef extends WeakReference<Object> {
  SampleRef(Object referent) {
    super(referent);
  }
}
