package dev.leakhunter.demo;

import dev.leakhunter.demo.avatar.AvatarRefresher;
import dev.leakhunter.demo.avatar.AvatarStore;
import dev.leakhunter.demo.avatar.InMemoryStorage;
import dev.leakhunter.demo.avatar.ThumbnailCache;
import dev.leakhunter.demo.mail.Mailer;
import dev.leakhunter.demo.mail.Outbox;
import dev.leakhunter.demo.orders.Checkout;
import java.util.Set;

/**
 * The long-lived collaborators all workers share, one set per daemon. The leaks are wired in
 * here, where a real misconfiguration or bad line of code would be.
 */
public final class Services {

    private final Checkout checkout;
    private final Mailer mailer;
    private final AvatarRefresher avatars;

    private Services(Checkout checkout, Mailer mailer, AvatarRefresher avatars) {
        this.checkout = checkout;
        this.mailer = mailer;
        this.avatars = avatars;
    }

    public static Services create(Set<Leak> leaks) {
        AvatarStore store = leaks.contains(Leak.ASYNC_SAVE)
                ? AvatarStore.awaitingBackend()
                : AvatarStore.connectedTo(new InMemoryStorage());
        return new Services(
                new Checkout(),
                new Mailer(leaks.contains(Leak.TEMPLATE_CACHE), new Outbox()),
                new AvatarRefresher(new ThumbnailCache(), store));
    }

    public Checkout checkout() {
        return checkout;
    }

    public Mailer mailer() {
        return mailer;
    }

    public AvatarRefresher avatars() {
        return avatars;
    }
}
