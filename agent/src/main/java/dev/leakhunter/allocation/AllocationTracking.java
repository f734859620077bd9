package dev.leakhunter.allocation;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Follows where the suspects are allocated: the constructors of up to {@value #MAX_TYPES} suspect
 * types are woven by retransformation (a {@link ConstructorWeaver} each), once each is a suspect,
 * and get their original bytes back at {@link #reset}.
 *
 * <p>Only application classes can be followed: one class of that name (a class defined per job in
 * loaders of its own is many classes), not the JDK's (retransforming {@code String} or
 * {@code HashMap} would slow the whole JVM, and the JDK's loaders cannot see the agent), not arrays
 * (no constructor), not hidden classes (not modifiable), not a class whose loader cannot see the
 * agent's classes (its woven constructors could not call them). A leak's cluster is led by its
 * application type where there is one, so the lead usually has its sites.
 *
 * <p>Called on the agent's explainer thread (the JUnit API's own thread), except
 * {@link #afterCensus}, which the sampler calls without waiting for a weave in progress.
 */
public final class AllocationTracking {
  static final int MAX_TYPES = 4;
  private static final int MAX_REFUSED = 1024;

  private final Instrumentation inst;
  private final Predicate<String> isAgentType;
  private final Map<String, Tracked> tracked = new LinkedHashMap<>();
  private final Set<String> refused = new HashSet<>();
  private final List<String> failures = new ArrayList<>();
  private volatile boolean anyTracked;
  // The followed types by name, replaced whole on each change: read without the lock.
  private volatile Map<String, Class<?>> sitesOf = Map.of();

  public AllocationTracking(Instrumentation inst, Predicate<String> isAgentType) {
    this.inst = inst;
    this.isAgentType = isAgentType;
  }

  /** The sampled path once, before a baseline census: its first run leaves JDK objects behind. */
  public static void exercise() {
    TypeSites.exercise();
  }

  private record Tracked(Class<?> type, ConstructorWeaver weaver) {
  }

  /** Starts following those of {@code types} (Java-language names, best first) that it can, up to the cap. */
  public synchronized void follow(List<String> types) {
    TypeSites.exercise();
    List<String> wanted = new ArrayList<>();
    for (String name : types) {
      if (tracked.size() + wanted.size() >= MAX_TYPES) {
        break;
      }
      if (!tracked.containsKey(name) && !refused.contains(name) && !name.endsWith("[]") && !isAgentType.test(name)) {
        wanted.add(name);
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, List<Class<?>>> loaded = new LinkedHashMap<>();
    for (String name : wanted) {
      loaded.put(name, new ArrayList<>());
    }
    for (Class<?> c : inst.getAllLoadedClasses()) {
      List<Class<?>> same = loaded.get(c.getName());
      if (same != null) {
        same.add(c);
      }
    }
    for (Map.Entry<String, List<Class<?>>> e : loaded.entrySet()) {
      List<Class<?>> classes = e.getValue();
      if (classes.size() == 1 && followable(classes.get(0))) {
        follow(e.getKey(), classes.get(0));
      } else {
        refuse(e.getKey());
      }
    }
  }

  private boolean followable(Class<?> c) {
    ClassLoader loader = c.getClassLoader();
    return loader != null && loader != ClassLoader.getPlatformClassLoader() && !c.isHidden() && !c.isInterface()
        && !c.isArray() && !c.isPrimitive() && inst.isModifiableClass(c);
  }

  private void follow(String name, Class<?> type) {
    if (!ConstructorWeaver.seesAgent(type.getClassLoader())) {
      refuse(name, new IllegalStateException("its class loader does not see the agent's classes"
          + " (they are on the system class path); a loader that does not delegate to it cannot have"
          + " its constructors followed"));
      return;
    }
    AllocationSites.track(type);
    ConstructorWeaver weaver = new ConstructorWeaver(type);
    Throwable error;
    inst.addTransformer(weaver, true);
    try {
      inst.retransformClasses(type);
      error = weaver.failure();
      if (error == null && !weaver.woven()) {
        error = new IllegalStateException("the retransformation did not reach the weaver");
      }
    } catch (Throwable t) {
      error = t; // the JVM refused the woven bytes (or the class): it keeps the ones it had
    }
    if (error != null) {
      inst.removeTransformer(weaver);
      AllocationSites.untrack(type);
      refuse(name, error);
      return;
    }
    tracked.put(name, new Tracked(type, weaver));
    Map<String, Class<?>> next = new HashMap<>(sitesOf);
    next.put(name, type);
    sitesOf = Map.copyOf(next);
    anyTracked = true;
  }

  private void refuse(String name, Throwable why) {
    refuse(name);
    if (failures.size() < MAX_TYPES) {
      failures.add(name + ": " + why);
    }
  }

  private void refuse(String name) {
    if (refused.size() >= MAX_REFUSED) {
      refused.clear(); // bounded; a type refused again costs one more look at the loaded classes
    }
    refused.add(name);
  }

  /**
   * The sites of {@code type}, most survivors first; empty when it is not followed. When some
   * site's sampled instances survive, the sites whose instances all died are left out: they are
   * the type's transient uses, not the leak.
   */
  public List<Site> sites(String type) {
    // Not synchronized, like afterCensus: the sampler builds its reports while a follow() may weave.
    Class<?> followed = sitesOf.get(type);
    if (followed == null) {
      return List.of();
    }
    List<Site> all = AllocationSites.sitesOf(followed.getName());
    boolean anySurvives = false;
    for (Site s : all) {
      anySurvives |= s.survivors() > 0;
    }
    if (!anySurvives) {
      return all;
    }
    List<Site> surviving = new ArrayList<>();
    for (Site s : all) {
      if (s.survivors() > 0) {
        surviving.add(s);
      }
    }
    return surviving;
  }

  /** The types followed now, in the order they were taken up. */
  public synchronized List<String> followed() {
    return List.copyOf(tracked.keySet());
  }

  /**
   * To be called right after each census: the census's full GC has cleared the references to
   * sampled instances that nothing holds, so the ones left are survivors.
   */
  public void afterCensus() {
    // Not synchronized: the sampler calls this right after each census, and must not wait for a
    // follow() weaving a class on the explainer thread meanwhile.
    if (anyTracked) {
      AllocationSites.afterCensus();
    }
  }

  /**
   * The first failure of the call woven into the followed constructors (caught there: the host's
   * constructor ends as it would have), or null: for the log and the report.
   */
  public Throwable adviceFailure() {
    return AllocationSites.failure();
  }

  /** Why types could not be followed (at most a few), for the log. */
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  /** Removes the weaving from every followed class (their original bytes) and forgets the sites. */
  public synchronized void reset() {
    for (Tracked t : tracked.values()) {
      inst.removeTransformer(t.weaver());
    }
    // One class at a time: a class that cannot be retransformed must not keep the others woven.
    for (Tracked t : tracked.values()) {
      try {
        inst.retransformClasses(t.type());
      } catch (Throwable e) {
        // the class may be gone with its loader: nothing to restore
      }
    }
    tracked.clear();
    sitesOf = Map.of();
    anyTracked = false;
    AllocationSites.clear();
  }

}
