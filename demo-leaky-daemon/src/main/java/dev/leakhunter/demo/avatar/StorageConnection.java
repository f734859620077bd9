package dev.leakhunter.demo.avatar;

/** A connection to the avatar storage backend. */
public interface StorageConnection {

    void save(Member member, byte[] avatar);
}
