package dev.leakhunter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.testhost.SecretKeeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the agent must never do to the host's security (issue 17): open a network port, write
 * report files others can change, or put an object's value in a report.
 */
class SecurityIT {

  /**
   * The JVM's own sockets, read from its file descriptors while a hunt explains a leak (walks,
   * allocation following, the MBean where the host has a platform MBean server): none is a TCP or
   * UDP socket. The attach mechanism's UNIX socket is the JDK's, opened only when a tool attaches.
   */
  @Test
  void noNetworkPortIsOpened() throws Exception {
    // At the default options: at every=20 and 300 jobs/s censuses come back to back and no walk
    // finishes before the end.
    ForkedJvm demo = ForkedJvm.demo("security-ports", DemoLeaksIT.JOBS, "--leak=processed-log",
        "--rate=300", "--heartbeat=0");
    try {
      long pid = demo.pid();
      Path json = demo.reportDir().resolve("leakhunter-report.json");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(Files.exists(json) && demo.stderr().contains("roots: walked")) && System.nanoTime() < deadline
          && demo.process.isAlive()) {
        Thread.sleep(100);
      }
      assertTrue(demo.stderr().contains("roots: walked"), "the hunt explained a leak\n" + demo.outputs());
      assertEquals(Set.of(), networkSockets(pid), "the host's JVM holds no network socket\n" + demo.outputs());
    } finally {
      demo.process.destroyForcibly();
      demo.process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Under a umask of 000, the reports and their directory are still writable by their owner only. */
  @Test
  void reportFilesAreNotWritableByOthers() throws Exception {
    ForkedJvm demo = ForkedJvm.start("security-umask", List.of("sh", "-c", "umask 000 && exec \"$0\" \"$@\""),
        ForkedJvm.JAVA, List.of(), DemoLeaksIT.JOBS + ",every=20,trace=dev.leakhunter.demo.orders.Order",
        "--leak=processed-log", "--jobs=600", "--rate=300", "--heartbeat=0");
    assertEquals(0, demo.waitFor(120), demo.outputs());
    List<Path> written = new ArrayList<>();
    written.add(demo.reportDir());
    try (Stream<Path> files = Files.list(demo.reportDir())) {
      files.forEach(written::add);
    }
    assertTrue(written.size() >= 4, "the reports and the trace: " + written);
    for (Path p : written) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      assertFalse(perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE),
          p + " is " + java.nio.file.attribute.PosixFilePermissions.toString(perms));
      assertTrue(perms.contains(PosixFilePermission.OTHERS_READ), p + ": others may read a report");
    }
    // Control: the host itself did run with umask 000 (a file it creates is world-writable).
    Path probe = demo.reportDir().getParent().resolve("umask-probe");
    Files.deleteIfExists(probe);
    Process p = new ProcessBuilder("sh", "-c", "umask 000 && touch \"$0\"", probe.toString()).start();
    assertEquals(0, p.waitFor());
    assertTrue(Files.getPosixFilePermissions(probe).contains(PosixFilePermission.OTHERS_WRITE));
  }

  /**
   * A leak of sessions holding a token string and a password array, explained down to its roots,
   * sites and a trace: no file the agent writes, and no line it logs, holds either value.
   */
  @Test
  void objectValuesNeverAppearInAReport() throws Exception {
    ForkedJvm host = ForkedJvm.testHost("security-values",
        "jobs=dev.leakhunter.testhost.SecretKeeper$Handler#handle,every=20,trace=dev.leakhunter.testhost.SecretKeeper$Session",
        "dev.leakhunter.testhost.SecretKeeper", "800", "2");
    assertEquals(0, host.waitFor(120), host.outputs());
    Map<String, Object> report = host.reportJson();
    String text = host.reportText();
    assertEquals("leak", report.get("verdict"), text);
    assertTrue(text.contains("SecretKeeper$Session"), text);
    assertTrue(text.contains("SecretKeeper.SESSIONS"), "the root is named\n" + text);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(host.reportDir())) {
      all.filter(Files::isRegularFile).forEach(files::add);
    }
    assertTrue(files.size() >= 4, files.toString());
    for (Path f : files) {
      assertFalse(read(f).contains(SecretKeeper.SECRET), f + " holds a value");
    }
    assertFalse(host.stderr().contains(SecretKeeper.SECRET), "the agent's log holds a value");
    assertTrue(host.stdout().contains("holding 800 sessions"), host.outputs());
  }

  /** Control: the same reading finds a listening socket where there is one (this JVM's own). */
  @Test
  void theSocketReadingFindsAListeningPort() throws Exception {
    try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertEquals(1, networkSockets(ProcessHandle.current().pid()).size());
    }
  }

  /** The process's TCP and UDP sockets, as lines of {@code /proc/PID/net/{tcp,tcp6,udp,udp6}}. */
  private static Set<String> networkSockets(long pid) throws IOException {
    Set<String> sockets = socketInodes(pid);
    Set<String> network = new HashSet<>();
    for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
      Path p = Path.of("/proc", Long.toString(pid), "net", table);
      if (!Files.exists(p)) {
        continue;
      }
      for (String line : Files.readAllLines(p)) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 9 && sockets.contains(f[9])) {
          network.add(table + " " + line.trim());
        }
      }
    }
    return network;
  }

  private static String read(Path f) throws IOException {
    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
  }

  /** The inodes of the sockets among the process's file descriptors ({@code socket:[12345]}). */
  private static Set<String> socketInodes(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException gone) {
          // closed while listed
        }
      }
    }
    return inodes;
  }
}
