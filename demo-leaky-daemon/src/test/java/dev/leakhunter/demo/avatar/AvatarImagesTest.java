package dev.leakhunter.demo.avatar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AvatarImagesTest {

    @Test
    void avatarsAreTwoToEightKilobytesAndTheSameForTheSameMember() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int id = 0; id < 500; id++) {
            byte[] avatar = AvatarImages.render(Member.load(id));
            min = Math.min(min, avatar.length);
            max = Math.max(max, avatar.length);
            assertEquals(0, avatar.length % AvatarImages.WIDTH);
        }
        assertTrue(min >= 2_048 && max <= 8_192, min + ".." + max);
        assertTrue(max - min > 4_000, "sizes vary: " + min + ".." + max);
        assertArrayEquals(AvatarImages.render(Member.load(17)), AvatarImages.render(Member.load(17)));
    }

    @Test
    void thumbnailIsSixteenSquaredAndHashesTheFullImage() {
        byte[] avatar = AvatarImages.render(Member.load(3));
        Thumbnail thumbnail = AvatarImages.thumbnail(avatar);
        assertEquals(256, thumbnail.pixels().length);
        assertEquals(64, thumbnail.etag().length(), "hex SHA-256");
        assertNotEquals(thumbnail.etag(), AvatarImages.thumbnail(AvatarImages.render(Member.load(4))).etag());
    }

    @Test
    void compressionShrinksTheAvatar() {
        byte[] avatar = AvatarImages.render(Member.load(11));
        int compressed = AvatarImages.compress(avatar).length;
        assertTrue(compressed > 0 && compressed < avatar.length, compressed + " of " + avatar.length);
    }
}
