package dev.leakhunter.demo.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.demo.members.MemberDirectory;
import org.junit.jupiter.api.Test;

class CheckoutTest {

    @Test
    void anOrderIsPricedFromItsLinesWithTax() {
        Checkout checkout = new Checkout();
        Order order = checkout.place(42, 1_234);
        assertEquals(42, order.id());
        assertEquals(MemberDirectory.displayName(1_234), order.customer());
        assertTrue(order.lineItems().size() >= 3 && order.lineItems().size() <= 8);
        long subtotal = order.lineItems().stream().mapToLong(LineItem::totalCents).sum();
        assertEquals(subtotal, order.subtotalCents());
        assertTrue(order.taxCents() >= 0 && order.taxCents() <= subtotal * 28 / 100, "tax " + order.taxCents());
        assertEquals(order.subtotalCents() + order.taxCents(), order.totalCents());
        assertEquals(1, checkout.placed());
    }

    @Test
    void theSameOrderIdPlacesTheSameBasket() {
        Order a = new Checkout().place(7, 99);
        Order b = new Checkout().place(7, 99);
        assertEquals(a.totalCents(), b.totalCents());
        assertEquals(a.lineItems().get(0).sku(), b.lineItems().get(0).sku());
    }

    @Test
    void theConfirmationShowsTheTotalAndASignature() {
        Checkout checkout = new Checkout();
        Order order = checkout.place(1, 2);
        String confirmation = checkout.confirm(order);
        assertTrue(confirmation.startsWith("Order 00000001 for "), confirmation);
        assertTrue(confirmation.matches("(?s).*  signature [0-9a-f]{64}\\R"), confirmation);
        assertEquals(confirmation.length(), checkout.confirmationChars());
    }

    @Test
    void theTaxTableIsOneTableOfThousandsOfRates() {
        assertSame(TaxTable.get(), TaxTable.get());
        assertEquals(MemberDirectory.regions().length * TaxTable.categories().size(), TaxTable.get().size());
        assertTrue(TaxTable.get().size() >= 2_000, "size " + TaxTable.get().size());
    }
}
