package dev.leakhunter.demo.orders;

/** One line of an order: a product, how many, at what unit price. */
public final class LineItem {

    private final String sku;
    private final String category;
    private final int quantity;
    private final long unitPriceCents;
    private final int percentOff;

    LineItem(String sku, String category, int quantity, long unitPriceCents, int percentOff) {
        this.sku = sku;
        this.category = category;
        this.quantity = quantity;
        this.unitPriceCents = unitPriceCents;
        this.percentOff = percentOff;
    }

    public String sku() {
        return sku;
    }

    public String category() {
        return category;
    }

    public int quantity() {
        return quantity;
    }

    public long unitPriceCents() {
        return unitPriceCents;
    }

    /** The promotion discount applied to this line, in percent. */
    public int percentOff() {
        return percentOff;
    }

    /** Quantity times unit price, less the discount (rounded down: in the customer's favour). */
    public long totalCents() {
        return quantity * unitPriceCents * (100 - percentOff) / 100;
    }
}
