package dev.leakhunter.catalogue;

import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Control 14: a cache of soft references over a bounded key space (200 images), with heavy churn
 * around it. The GC may clear values at any census; the key space does not grow.
 */
public final class SoftCache extends Fixture {
  static final Map<Integer, SoftReference<byte[]>> IMAGES = new ConcurrentHashMap<>();

  @Override
  public void job(int n) {
    int key = (n * 7919) % 200;
    SoftReference<byte[]> ref = IMAGES.get(key);
    byte[] image = ref == null ? null : ref.get();
    if (image == null) {
      image = new byte[4096 + key];
      IMAGES.put(key, new SoftReference<>(image));
    }
    Work.sink += image.length + Work.churn(n, 256) + Work.transientWork(n, 50);
  }
}
