package dev.leakhunter.demo.avatar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest avatar thumbnails by member id, least recently used evicted first.
 *
 * <p>Always on, and not a leak: it fills during the first couple of hundred jobs and then stays
 * at {@link #CAPACITY} entries while its contents keep changing. A leak hunter that reports it
 * has confused "allocated per job" with "retained per job".
 */
public final class ThumbnailCache {

    public static final int CAPACITY = 64;

    /** Access-ordered: a get moves the entry to the young end. Guarded by this. */
    private final LinkedHashMap<Integer, Thumbnail> byMember = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Thumbnail> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Caches a thumbnail; returns the one it replaced, or null. */
    public synchronized Thumbnail put(int memberId, Thumbnail thumbnail) {
        return byMember.put(memberId, thumbnail);
    }

    public synchronized Thumbnail get(int memberId) {
        return byMember.get(memberId);
    }

    public synchronized int size() {
        return byMember.size();
    }
}
