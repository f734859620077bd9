package dev.leakhunter.demo.avatar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Generates avatars and their thumbnails: a mirrored "identicon" pattern seeded by a checksum of
 * the member's email, 64 pixels wide and 32 to 128 high (2-8 KB of greyscale bytes).
 */
public final class AvatarImages {

    public static final int WIDTH = 64;
    public static final int THUMBNAIL_SIDE = 16;

    private AvatarImages() {
    }

    /** A fresh avatar for the member, one byte per pixel, row-major, {@link #WIDTH} wide. */
    public static byte[] render(Member member) {
        CRC32 crc = new CRC32();
        crc.update(member.email().getBytes(StandardCharsets.UTF_8));
        long seed = crc.getValue();
        int height = 32 + (int) (seed % 97);
        byte[] pixels = new byte[WIDTH * height];
        long state = seed * 0x2545_F491_4F6C_DD1DL | 1;
        int half = WIDTH / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < half; x++) {
                // xorshift64: cheap, seeded, the same avatar for the same member every time.
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int shade = (int) ((state >>> 56) & 0xC0) | ((x * y) & 0x3F);
                pixels[y * WIDTH + x] = (byte) shade;
                pixels[y * WIDTH + (WIDTH - 1 - x)] = (byte) shade;
            }
        }
        return smooth(pixels, height);
    }

    /** A 3x3 box blur, so the pattern looks drawn rather than noisy. Allocates a new image. */
    static byte[] smooth(byte[] pixels, int height) {
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < WIDTH) {
                            sum += pixels[yy * WIDTH + xx] & 0xFF;
                            n++;
                        }
                    }
                }
                out[y * WIDTH + x] = (byte) (sum / n);
            }
        }
        return out;
    }

    /** Box-filters the avatar down to a {@link #THUMBNAIL_SIDE}-pixel square and hashes the full image. */
    public static Thumbnail thumbnail(byte[] avatar) {
        int height = avatar.length / WIDTH;
        int[] sums = new int[THUMBNAIL_SIDE * THUMBNAIL_SIDE];
        int[] counts = new int[sums.length];
        for (int y = 0; y < height; y++) {
            int ty = y * THUMBNAIL_SIDE / height;
            for (int x = 0; x < WIDTH; x++) {
                int cell = ty * THUMBNAIL_SIDE + x * THUMBNAIL_SIDE / WIDTH;
                sums[cell] += avatar[y * WIDTH + x] & 0xFF;
                counts[cell]++;
            }
        }
        byte[] small = new byte[sums.length];
        for (int i = 0; i < small.length; i++) {
            small[i] = (byte) (sums[i] / Math.max(1, counts[i]));
        }
        return new Thumbnail(small, HexFormat.of().formatHex(sha256(avatar)));
    }

    /**
     * The avatar as the CDN gets it: deflate-compressed, as PNG does. The Deflater's native
     * memory is released at once ({@code end()}): leaving that to the finalizer/cleaner is its
     * own classic leak.
     */
    public static byte[] compress(byte[] avatar) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(avatar);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(avatar.length / 2);
            byte[] buffer = new byte[1_024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
