package dev.leakhunter.demo;

/** What a job does. Jobs take the kinds in strict rotation, so each is exactly a third of a run. */
public enum JobKind {
    /** Place an order: build a basket, price it with the tax table, format the confirmation. */
    ORDER("order"),
    /** Render the weekly digest from its template and send it to the outbox. */
    EMAIL("email"),
    /** Render a member's avatar, cache its thumbnail, save it. */
    AVATAR("avatar");

    private static final JobKind[] ROTATION = values();

    private final String label;

    JobKind(String label) {
        this.label = label;
    }

    /** The kind of job number {@code jobId}: order, email, avatar, order, ... */
    public static JobKind ofJob(long jobId) {
        if (jobId < 0) {
            throw new IllegalArgumentException("job ids start at 0, got " + jobId);
        }
        return ROTATION[(int) (jobId % ROTATION.length)];
    }

    public String label() {
        return label;
    }
}
