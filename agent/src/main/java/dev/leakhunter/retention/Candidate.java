package dev.leakhunter.retention;

/**
 * A place that may hold a leak: a static field's value, a job receiver's field's value, a live
 * thread, a JDK registry.
 *
 * @param label how the report names it, e.g. {@code static com.acme.Cache.ENTRIES}
 * @param value what it holds (never null)
 */
record Candidate(String label, Object value) {
}
