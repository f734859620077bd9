package dev.leakhunter.demo;

/** A bad command line. The message is one line that names the flag and its valid form. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
