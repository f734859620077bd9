package dev.leakhunter.census;

/**
 * A census could not be taken. Checked on purpose: a census runs on the agent's own thread inside
 * someone else's application, and the caller must decide (log, back off, give up) rather than let
 * it escape into the host.
 */
public final class CensusException extends Exception {
  private static final long serialVersionUID = 1L;

  public CensusException(String message, Throwable cause) {
    super(message, cause);
  }

  public CensusException(String message) {
    super(message);
  }
}
