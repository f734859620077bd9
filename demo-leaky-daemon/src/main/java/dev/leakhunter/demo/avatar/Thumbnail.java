package dev.leakhunter.demo.avatar;

/** A small greyscale thumbnail of an avatar, and the hash of the full image it was made from. */
public final class Thumbnail {

    private final byte[] pixels;
    private final String etag;

    Thumbnail(byte[] pixels, String etag) {
        this.pixels = pixels;
        this.etag = etag;
    }

    public byte[] pixels() {
        return pixels.clone();
    }

    public String etag() {
        return etag;
    }
}
