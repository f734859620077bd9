package dev.leakhunter.demo.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The tax rate of one product category in one region, in basis points (1/100 of a percent). */
public final class TaxRate {

    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

    private final String region;
    private final String category;
    private final int basisPoints;

    TaxRate(String region, String category, int basisPoints) {
        this.region = region;
        this.category = category;
        this.basisPoints = basisPoints;
    }

    public String region() {
        return region;
    }

    public String category() {
        return category;
    }

    public int basisPoints() {
        return basisPoints;
    }

    /** Tax on an amount in cents, rounded half-even as tax authorities ask for. */
    long taxOn(long cents) {
        return BigDecimal.valueOf(cents)
                .multiply(BigDecimal.valueOf(basisPoints))
                .divide(BASIS_POINTS, 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
