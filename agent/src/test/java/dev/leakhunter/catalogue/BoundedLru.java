package dev.leakhunter.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

/** Control 12: an LRU cache of 150 entries, a new key per job: full by job ~150, then flat. Not a leak. */
public final class BoundedLru extends Fixture {
  static final int CAPACITY = 150;
  static final Map<String, Rendered> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
      return size() > CAPACITY;
    }
  };

  static final class Rendered {
    final String html;

    Rendered(String html) {
      this.html = html;
    }
  }

  @Override
  public synchronized void job(int n) {
    CACHE.put("page-" + n, new Rendered("<p>page " + n + "</p>"));
    Work.sink += Work.transientWork(n, 20);
  }
}
