package dev.leakhunter.census;

/**
 * One type's live population in a census.
 *
 * @param type      Java-language name ({@code byte[]}, {@code java.lang.Object[]}, {@code a.B$C}),
 *                  hidden-class suffixes ({@code /0x...}) removed
 * @param instances live instances, summed over every class loader that defines a class of this name
 * @param bytes     shallow bytes of those instances
 * @param loaders   how many distinct classes (class loaders) were folded into this row; 1 usually
 */
public record HistogramRow(String type, long instances, long bytes, int loaders) {
}
