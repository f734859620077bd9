package dev.leakhunter.catalogue;

/**
 * One program of the leak catalogue: a daemon-like job, run by {@link Catalogue}. The job boundary
 * the agent is given is {@code dev.leakhunter.catalogue.Fixture#job}: it matches every fixture's
 * override, as {@code jobs=com.acme.Job#run} matches every implementation in a real daemon.
 */
public abstract class Fixture {

  /** Runs job number {@code n} (0-based); may be called from several worker threads at once. */
  public abstract void job(int n) throws Exception;

  /** Worker threads this fixture needs; the command line's {@code --workers} overrides it. */
  int workers() {
    return 1;
  }
}
