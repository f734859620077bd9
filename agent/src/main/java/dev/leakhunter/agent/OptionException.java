package dev.leakhunter.agent;

/** A bad agent option: the message is one line that names the key and the valid form. */
public final class OptionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String key;

  public OptionException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The offending key, or null when the problem is not one key (e.g. an empty string). */
  public String key() {
    return key;
  }
}
