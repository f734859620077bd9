package dev.leakhunter.demo.orders;

/** A discount on a product category from some quantity up, in percent. */
public final class Promotion {

    private final String categoryPrefix;
    private final int minQuantity;
    private final int percentOff;

    Promotion(String categoryPrefix, int minQuantity, int percentOff) {
        this.categoryPrefix = categoryPrefix;
        this.minQuantity = minQuantity;
        this.percentOff = percentOff;
    }

    boolean appliesTo(String category, int quantity) {
        return quantity >= minQuantity && category.startsWith(categoryPrefix);
    }

    int percentOff() {
        return percentOff;
    }
}
