package dev.leakhunter.demo.avatar;

import java.util.concurrent.CompletableFuture;

/**
 * Saves avatars to the storage backend without making the job wait for it.
 *
 * <p>Saves are chained on {@link #connected}, the future of the backend connection. While the
 * backend is up that future is complete and each save runs at once, on the job's thread. The
 * async-save leak is the day it never comes up: nothing bounds or times out the chain, so every
 * refresh parks one more completion on the future, and its lambda holds the member and the
 * avatar bytes. The store lives as long as the daemon, and so do they.
 */
public final class AvatarStore {

    /** The async-save leak's holding field: its pending completions hold every unsaved avatar. */
    private final CompletableFuture<StorageConnection> connected = new CompletableFuture<>();

    private AvatarStore() {
    }

    /** A store whose backend is up. */
    public static AvatarStore connectedTo(StorageConnection connection) {
        AvatarStore store = new AvatarStore();
        store.connect(connection);
        return store;
    }

    /** A store whose backend has not come up yet (and, in the async-save leak, never will). */
    public static AvatarStore awaitingBackend() {
        return new AvatarStore();
    }

    /** The backend came up: runs the saves queued so far and every later one at once. */
    public void connect(StorageConnection connection) {
        connected.complete(connection);
    }

    /** Fire and forget: the refresh job must not wait for storage. */
    public void save(Member member, byte[] avatar) {
        connected.thenAccept(connection -> connection.save(member, avatar));
    }

    /** Saves waiting for the backend (an estimate while saves are being added concurrently). */
    public int pendingSaves() {
        return connected.getNumberOfDependents();
    }

    public boolean isConnected() {
        return connected.isDone();
    }
}
