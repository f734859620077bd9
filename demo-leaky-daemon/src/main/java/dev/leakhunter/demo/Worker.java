package dev.leakhunter.demo;

import dev.leakhunter.demo.orders.Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Handles jobs. {@link #handle(Job)} is the job boundary to give leakhunter:
 * {@code jobs=dev.leakhunter.demo.Worker#handle}. It is called exactly once per job, on the
 * worker thread, and calls no other {@code handle}.
 *
 * <p>One Worker per worker thread (it is not thread-safe); the {@link Services} are shared.
 */
public final class Worker {

    private final Services services;
    private final boolean keepProcessedOrders;

    /**
     * The processed-log leak's holding field: every order ever placed "just in case". An
     * ArrayList on the job receiver, exactly as it is usually written. Confined to this
     * worker's thread.
     */
    private final ArrayList<Order> processed = new ArrayList<>();

    public Worker(Services services, Set<Leak> leaks) {
        this.services = services;
        this.keepProcessedOrders = leaks.contains(Leak.PROCESSED_LOG);
    }

    /** Runs one job to completion. */
    public void handle(Job job) {
        switch (job.kind()) {
            case ORDER:
                placeOrder(job);
                break;
            case EMAIL:
                services.mailer().sendWeeklyDigest(job.memberId());
                break;
            case AVATAR:
                services.avatars().refresh(job.memberId());
                break;
            default:
                throw new IllegalStateException("unknown job kind " + job.kind());
        }
    }

    private void placeOrder(Job job) {
        Order order = services.checkout().place(job.id(), job.memberId());
        services.checkout().confirm(order);
        if (keepProcessedOrders) {
            processed.add(order);
        }
    }

    /** A read-only view of the orders kept by the processed-log leak (empty without it). */
    public List<Order> processedOrders() {
        return Collections.unmodifiableList(processed);
    }

    public Services services() {
        return services;
    }
}
