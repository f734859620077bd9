package dev.leakhunter.demo.avatar;

import java.util.concurrent.atomic.AtomicLong;

/** A storage backend that is up: it accepts saves and keeps only counts, so nothing piles up. */
public final class InMemoryStorage implements StorageConnection {

    private final AtomicLong saves = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void save(Member member, byte[] avatar) {
        saves.incrementAndGet();
        bytes.addAndGet(avatar.length);
    }

    public long saves() {
        return saves.get();
    }

    public long bytes() {
        return bytes.get();
    }
}
