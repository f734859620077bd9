package dev.leakhunter.demo.avatar;

import java.util.concurrent.atomic.AtomicLong;

/** Refreshes a member's avatar: render it, cache its thumbnail, save it. */
public final class AvatarRefresher {

    private final ThumbnailCache thumbnails;
    private final AvatarStore store;
    private final AtomicLong refreshed = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong cdnBytes = new AtomicLong();

    public AvatarRefresher(ThumbnailCache thumbnails, AvatarStore store) {
        this.thumbnails = thumbnails;
        this.store = store;
    }

    public void refresh(int memberId) {
        Member member = Member.load(memberId);
        byte[] avatar = AvatarImages.render(member);
        Thumbnail thumbnail = AvatarImages.thumbnail(avatar);
        cdnBytes.addAndGet(AvatarImages.compress(avatar).length);
        Thumbnail previous = thumbnails.put(memberId, thumbnail);
        if (previous != null && previous.etag().equals(thumbnail.etag())) {
            unchanged.incrementAndGet();
        }
        // Saved every time, changed or not: one save per refresh keeps the leak exactly per job.
        store.save(member, avatar);
        refreshed.incrementAndGet();
    }

    public ThumbnailCache thumbnails() {
        return thumbnails;
    }

    public AvatarStore store() {
        return store;
    }

    public long refreshed() {
        return refreshed.get();
    }

    public long unchanged() {
        return unchanged.get();
    }

    /** Compressed bytes that went to the CDN. */
    public long cdnBytes() {
        return cdnBytes.get();
    }
}
