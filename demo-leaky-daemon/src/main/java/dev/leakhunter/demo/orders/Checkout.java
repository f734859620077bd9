package dev.leakhunter.demo.orders;

import dev.leakhunter.demo.members.MemberDirectory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Places orders: builds the basket, applies promotions, prices it with the tax table, and formats
 * a signed confirmation. Shared by all workers, so it keeps only atomic counters.
 */
public final class Checkout {

    /** The shop's receipt-signing key (a demo: a real one comes from a secret store). */
    private static final SecretKeySpec RECEIPT_KEY =
            new SecretKeySpec("demo-receipt-signing-key".getBytes(StandardCharsets.US_ASCII), "HmacSHA256");

    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong confirmationChars = new AtomicLong();

    /**
     * Places order {@code orderId} for a member. The basket is derived from the order id, so a
     * run places the same orders whichever worker takes them.
     */
    public Order place(long orderId, int memberId) {
        String customer = MemberDirectory.displayName(memberId);
        String region = MemberDirectory.region(memberId);
        SplittableRandom basket = new SplittableRandom(orderId * 0x9E37_79B9_7F4A_7C15L + 17);
        List<String> categories = TaxTable.categories();

        int count = 3 + basket.nextInt(6);
        List<LineItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String category = categories.get(basket.nextInt(categories.size()));
            String sku = category.substring(0, 3).toUpperCase(Locale.ROOT) + '-' + (10_000 + basket.nextInt(90_000));
            int quantity = 1 + basket.nextInt(4);
            items.add(new LineItem(sku, category, quantity, 199 + basket.nextInt(19_800),
                    Promotions.bestPercentOff(category, quantity)));
        }

        TaxTable taxes = TaxTable.get();
        long subtotal = 0;
        long tax = 0;
        for (LineItem item : items) {
            subtotal += item.totalCents();
            tax += taxes.rate(region, item.category()).taxOn(item.totalCents());
        }
        placed.incrementAndGet();
        return new Order(orderId, memberId, customer, region, items, subtotal, tax);
    }

    /** The confirmation the customer gets, with a signature to quote. Formatted and dropped: garbage. */
    public String confirm(Order order) {
        StringBuilder text = new StringBuilder(1_024);
        text.append(String.format(Locale.ROOT, "Order %08d for %s (%s)%n", order.id(), order.customer(), order.region()));
        for (LineItem item : order.lineItems()) {
            text.append(String.format(Locale.ROOT, "  %-20s %-10s %2d x %12s %3d%% off = %12s%n",
                    item.category(), item.sku(), item.quantity(), money(item.unitPriceCents()), item.percentOff(),
                    money(item.totalCents())));
        }
        text.append(String.format(Locale.ROOT, "  %-62s %12s%n", "subtotal", money(order.subtotalCents())));
        text.append(String.format(Locale.ROOT, "  %-62s %12s%n", "tax", money(order.taxCents())));
        text.append(String.format(Locale.ROOT, "  %-62s %12s%n", "total", money(order.totalCents())));
        text.append("  signature ").append(sign(text)).append(System.lineSeparator());
        String confirmation = text.toString();
        confirmationChars.addAndGet(confirmation.length());
        return confirmation;
    }

    public long placed() {
        return placed.get();
    }

    public long confirmationChars() {
        return confirmationChars.get();
    }

    private static String sign(CharSequence receipt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(RECEIPT_KEY);
            return HexFormat.of().formatHex(mac.doFinal(receipt.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static String money(long cents) {
        return String.format(Locale.ROOT, "EUR %d.%02d", cents / 100, cents % 100);
    }
}
