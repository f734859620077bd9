package dev.leakhunter.catalogue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Leak 2: per job, a lambda and an anonymous listener on a long-lived bus, never removed. */
public final class ListenerBus extends Fixture {
  interface Listener {
    void onEvent(String event);
  }

  static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();
  static final List<Consumer<String>> CALLBACKS = new CopyOnWriteArrayList<>();

  @Override
  public void job(int n) {
    final int job = n;
    LISTENERS.add(new Listener() {
      @Override
      public void onEvent(String event) {
        Work.sink += job + event.length();
      }
    });
    CALLBACKS.add(event -> Work.sink += job * 2 + event.length());
    Work.sink += Work.transientWork(n, 20);
  }
}
