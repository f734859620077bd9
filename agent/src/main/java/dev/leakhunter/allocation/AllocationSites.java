package dev.leakhunter.allocation;

import dev.leakhunter.common.Faults;
import java.util.Arrays;
import java.util.List;

/**
 * Where the instances of the tracked types are constructed: the entry point that
 * {@link ConstructorWeaver} weaves into their constructors, and the per-type tables it fills.
 *
 * <p>The call is woven only into the constructors of tracked types, so untracked code pays
 * nothing; a tracked constructor pays a field read, a class comparison and a counter, and a stack
 * walk only when its sample is due (see {@link TypeSites}).
 */
public final class AllocationSites {

  private static final TypeSites[] NONE = new TypeSites[0];
  private static volatile TypeSites[] tracked = NONE;
  // The first failure in the woven call: written once, so a failing advice costs the host's threads nothing shared.
  private static volatile Throwable failure;

  private AllocationSites() {
  }

  /**
   * Called by the woven constructors with the instance just constructed. Never throws into the
   * host: the woven call has no handler around it, so this method is its own.
   */
  public static void constructed(Object self) {
    try {
      Faults.at(Faults.ADVICE);
      TypeSites[] all = tracked;
      Class<?> type = self.getClass();
      for (TypeSites t : all) {
        if (t.type() == type) {
          t.constructed(self);
          return;
        }
      }
    } catch (Throwable e) {
      // An OutOfMemoryError in a stack walk, say: the host's constructor must end as it would have.
      // The first is kept for the agent to say (the advice runs on the host's thread: no log here).
      if (failure == null) {
        failure = e;
      }
    }
  }

  /** The first failure in the woven call, or null. */
  static Throwable failure() {
    return failure;
  }

  static synchronized TypeSites track(Class<?> type) {
    for (TypeSites t : tracked) {
      if (t.type() == type) {
        return t;
      }
    }
    TypeSites t = new TypeSites(type);
    TypeSites[] next = Arrays.copyOf(tracked, tracked.length + 1);
    next[next.length - 1] = t;
    tracked = next;
    return t;
  }

  static synchronized void untrack(Class<?> type) {
    TypeSites[] kept = new TypeSites[tracked.length];
    int n = 0;
    for (TypeSites t : tracked) {
      if (t.type() != type) {
        kept[n++] = t;
      }
    }
    tracked = Arrays.copyOf(kept, n);
  }

  static synchronized void clear() {
    tracked = NONE;
  }

  static void afterCensus() {
    for (TypeSites t : tracked) {
      t.afterCensus();
    }
  }

  /** The sites of a tracked type by name, the one with most survivors first; empty when not tracked. */
  static List<Site> sitesOf(String typeName) {
    for (TypeSites t : tracked) {
      if (t.name().equals(typeName)) {
        return t.sites();
      }
    }
    return List.of();
  }
}
