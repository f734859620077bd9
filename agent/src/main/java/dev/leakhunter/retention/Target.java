package dev.leakhunter.retention;

/**
 * A type to explain.
 *
 * @param type             Java-language name, as the census names it
 * @param bytesPerInstance the census's live bytes over live instances of the type (sizes come
 *                         from the census, not from walking with JOL: see {@link Walker})
 * @param bytesPerJob      the growth model's figure, or 0 for a traced type that is not a suspect
 */
public record Target(String type, double bytesPerInstance, double bytesPerJob) {
}
