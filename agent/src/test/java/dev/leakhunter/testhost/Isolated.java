package dev.leakhunter.testhost;

/**
 * Loaded only by a test's own class loader that does not delegate to the application's, so it
 * cannot see the agent's classes. No other code names it.
 */
public final class Isolated {
  public final int n;

  public Isolated() {
    this.n = 1;
  }
}
