package dev.leakhunter.demo.avatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ThumbnailCacheTest {

    @Test
    void staysAtItsBoundAfterManyPuts() {
        ThumbnailCache cache = new ThumbnailCache();
        for (int id = 0; id < 10_000; id++) {
            cache.put(id, thumbnail(id));
            assertEquals(Math.min(id + 1, ThumbnailCache.CAPACITY), cache.size());
        }
        assertEquals(64, cache.size());
        assertNotNull(cache.get(9_999));
        assertNull(cache.get(9_999 - 64), "evicted");
    }

    @Test
    void evictsTheLeastRecentlyUsedNotTheOldest() {
        ThumbnailCache cache = new ThumbnailCache();
        Thumbnail first = thumbnail(0);
        cache.put(0, first);
        for (int id = 1; id < ThumbnailCache.CAPACITY; id++) {
            cache.put(id, thumbnail(id));
        }
        assertSame(first, cache.get(0)); // now the most recently used
        cache.put(1_000, thumbnail(1_000));
        assertSame(first, cache.get(0), "kept: it was used");
        assertNull(cache.get(1), "evicted: the least recently used");
    }

    @Test
    void putReturnsTheThumbnailItReplaces() {
        ThumbnailCache cache = new ThumbnailCache();
        Thumbnail old = thumbnail(7);
        assertNull(cache.put(7, old));
        assertSame(old, cache.put(7, thumbnail(7)));
        assertEquals(1, cache.size());
    }

    private static Thumbnail thumbnail(int id) {
        return new Thumbnail(new byte[] {(byte) id}, Integer.toString(id));
    }
}
