package dev.leakhunter.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;
import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What OwnObjects counts is taken out of the host's census, so it must count the agent's JDK
 * objects exactly and nothing of the host's. Here the "agent" is this test's {@code Own*} classes.
 */
class OwnObjectsTest {

  private static Instrumentation inst;
  private static DeepAccess access;

  @BeforeAll
  static void openTheJdk() {
    inst = ByteBuddyAgent.install();
    access = DeepAccess.open(inst);
  }

  @AfterEach
  void clear() {
    OwnRoot.HELD.names.clear();
    OwnRoot.HELD.byName.clear();
    OwnRoot.HELD.host = null;
    OwnRoot.HELD.weak = null;
    OwnRoot.HELD.thread = null;
  }

  /** The test's stand-in for the agent's classes. */
  static final class OwnRoot {
    static final OwnState HELD = new OwnState();
  }

  static final class OwnState {
    final List<String> names = new ArrayList<>();
    final Map<String, OwnState> byName = new HashMap<>();
    Object host;
    WeakReference<List<String>> weak;
    Thread thread;
  }

  /** A host object the agent happens to hold: neither it nor what it holds is the agent's. */
  static final class HostThing {
    final List<String> kept = new ArrayList<>(List.of(fresh("h1"), fresh("h2")));
  }

  private static String fresh(String s) {
    return new String(s.toCharArray());
  }

  private static OwnObjects own() {
    return new OwnObjects(access, t -> t.startsWith(OwnObjectsTest.class.getName() + "$Own"), inst::getObjectSize,
        () -> new Class<?>[] {OwnRoot.class, OwnState.class, HostThing.class, String.class});
  }

  private static Map<String, Long> counts(Histogram h) {
    Map<String, Long> m = new HashMap<>();
    for (HistogramRow r : h.rows()) {
      m.put(r.type(), r.instances());
    }
    return m;
  }

  @Test
  void countsTheJdkObjectsTheAgentsObjectsHold() {
    OwnState state = OwnRoot.HELD;
    state.names.add(fresh("a"));
    state.names.add(fresh("b"));
    state.names.add(fresh("c"));
    state.byName.put(fresh("k"), new OwnState());
    Map<String, Long> c = counts(own().count(1));
    assertTrue(access.deep(), "the JDK's fields are readable");
    assertEquals(2L, c.get("java.util.ArrayList"), "the two states' lists: " + c);
    assertEquals(2L, c.get("java.util.HashMap"), c.toString());
    assertEquals(1L, c.get("java.util.HashMap$Node"), c.toString());
    assertEquals(4L, c.get("java.lang.String"), c.toString());
    assertEquals(4L, c.get("byte[]"), c.toString());
    assertTrue(!c.containsKey(OwnState.class.getName()), "the agent's own types: the census leaves them out");
  }

  @Test
  void nothingOfTheHostsNorWhatIsHeldWeaklyNorThreads() {
    OwnState state = OwnRoot.HELD;
    state.host = new HostThing();
    state.weak = new WeakReference<>(new ArrayList<>(List.of(fresh("w"))));
    state.thread = new Thread(() -> { }, fresh("a-thread"));
    Map<String, Long> c = counts(own().count(1));
    assertEquals(1L, c.get("java.util.ArrayList"), "the state's own list only, not the host's: " + c);
    assertEquals(null, c.get("java.lang.String"), "not the host's strings, nor the weak list's, nor the thread's name");
    assertEquals(null, c.get("java.lang.ref.WeakReference"), "a reference is not plain data");
    assertEquals(null, c.get("java.lang.Thread"), c.toString());
  }

  @Test
  void extraRootsAndSizes() {
    List<String> onTheStack = new ArrayList<>(List.of(fresh("s")));
    Histogram h = own().count(1, onTheStack);
    Map<String, Long> c = counts(h);
    assertEquals(1L, c.get("java.lang.String"), c.toString());
    long stringBytes = h.rows().stream().filter(r -> r.type().equals("java.lang.String")).findFirst().orElseThrow()
        .bytes();
    assertEquals(inst.getObjectSize(onTheStack.get(0)), stringBytes, "shallow sizes, by the JVM");
  }

  @Test
  void givesUpPastItsBoundAndTakesNothingOut() {
    for (int i = 0; i <= OwnObjects.MAX_OBJECTS; i++) {
      OwnRoot.HELD.names.add(Integer.toString(i));
    }
    assertEquals(null, own().count(1));
  }
}
