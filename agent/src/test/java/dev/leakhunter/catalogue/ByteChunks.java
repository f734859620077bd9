package dev.leakhunter.catalogue;

/** Leak 9: only primitive arrays grow: a 1 KiB chunk per job into a preallocated slot table. */
public final class ByteChunks extends Fixture {
  static final byte[][] CHUNKS = new byte[100_000][];

  @Override
  public synchronized void job(int n) {
    byte[] chunk = new byte[1024];
    chunk[0] = (byte) n;
    CHUNKS[n % CHUNKS.length] = chunk;
    Work.sink += Work.transientWork(n, 20);
  }
}
