package dev.leakhunter.testhost;

import java.util.ArrayList;
import java.util.List;

/** Two call sites that construct {@link Order}s, outside the agent's packages: one keeps them, one drops them. */
public final class Allocators {

  /** A type of the "application" to follow (not the agent's, not the JDK's). */
  public static final class Order {
    final long id;

    public Order(long id) {
      this.id = id;
    }

    /** A {@code this(...)} chain: the site is still the caller of the outermost constructor. */
    public Order() {
      this(-1);
    }
  }

  public static final List<Object> KEPT = new ArrayList<>();

  private Allocators() {
  }

  /** The leaking site: constructed here (line of the {@code new} below), kept. */
  public static void keep(int n) {
    for (int i = 0; i < n; i++) {
      KEPT.add(new Order(i));
    }
  }

  /** The transient site: constructed here, dropped at once. */
  public static long drop(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += new Order().id;
    }
    return sum;
  }
}
