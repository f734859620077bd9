package dev.leakhunter.census;

/**
 * One type's live population in a census.
 *
 * @param type      Java-language name ({@code byte[]}, {@code java.lang.Object[]}, {@code a.B$C}),
 *                  hidden-class suffixes ({@code /0x...}) removed
 * @param instances live instances, summed over every class loader that defines a class of this name
 * @param bytes     shallow bytes of those instances
 * @param loaders   how many distinct classes (class loaders) were folded into this row; 1 usually.
 *                  Strictly it counts classes, not loaders: hidden classes of one name are folded
 *                  too, so on JDK 25, where every lambda of {@code Foo} is named {@code Foo$$Lambda},
 *                  it is the number of lambda classes of {@code Foo} (JDK 17 numbers them,
 *                  {@code Foo$$Lambda$14}, so they stay apart). A count that grows per job means
 *                  classes are defined per job: a class leak
 */
public record HistogramRow(String type, long instances, long bytes, int loaders) {
}
