package dev.leakhunter.report;

/**
 * Malformed JSON. The message names the line, column and character offset, and what was expected there,
 * because the user reading it is usually looking at a hand-edited or truncated report file.
 */
public final class JsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  JsonException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** 0-based character offset of the error in the parsed text. */
  public int offset() {
    return offset;
  }
}
