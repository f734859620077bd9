package dev.leakhunter.demo.orders;

import java.util.List;

/**
 * A placed and priced order. Deliberately a plain class (not a record): it is the type the
 * processed-log leak retains, and a leak hunter walks its fields.
 */
public final class Order {

    private final long id;
    private final int memberId;
    private final String customer;
    private final String region;
    private final List<LineItem> lineItems;
    private final long subtotalCents;
    private final long taxCents;

    Order(long id, int memberId, String customer, String region, List<LineItem> lineItems,
            long subtotalCents, long taxCents) {
        this.id = id;
        this.memberId = memberId;
        this.customer = customer;
        this.region = region;
        this.lineItems = lineItems;
        this.subtotalCents = subtotalCents;
        this.taxCents = taxCents;
    }

    public long id() {
        return id;
    }

    public int memberId() {
        return memberId;
    }

    public String customer() {
        return customer;
    }

    public String region() {
        return region;
    }

    public List<LineItem> lineItems() {
        return lineItems;
    }

    public long subtotalCents() {
        return subtotalCents;
    }

    public long taxCents() {
        return taxCents;
    }

    public long totalCents() {
        return subtotalCents + taxCents;
    }
}
