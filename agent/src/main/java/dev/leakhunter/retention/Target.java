package dev.leakhunter.retention;

/**
 * A type to explain.
 *
 * @param type        Java-language name, as the census names it
 * @param bytesPerJob the growth model's figure, or 0 for a traced type that is not a suspect
 */
public record Target(String type, double bytesPerJob) {
}
