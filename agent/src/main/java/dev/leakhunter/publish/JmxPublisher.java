package dev.leakhunter.publish;

import dev.leakhunter.report.Report;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * Registers {@code dev.leakhunter:type=LeakHunter} and keeps it at the newest census's report.
 *
 * <p>Creating the platform MBean server costs a JVM that never used JMX tens of milliseconds and
 * several MB (docs/performance.md), so by default ({@code jmx=auto}) the MBean is registered only
 * once the host has an MBean server of its own (a JMX exporter agent, a framework, a remote JMX
 * port): checked after each census, a list lookup. {@code jmx=true} creates it; {@code jmx=false}
 * never registers. A failure to register is said once and the hunt goes on.
 */
public final class JmxPublisher implements LeakHunterMBean {
  /** Suspect rows at most: a metric series per row, so the cardinality stays bounded. */
  public static final int TOP = 10;
  public static final String OBJECT_NAME = "dev.leakhunter:type=LeakHunter";
  /** A suspect slot's object name, less its rank. */
  public static final String SUSPECT_NAME = "dev.leakhunter:type=LeakSuspect,rank=";
  private static final long REUSE_MILLIS = 1_000;

  /** The {@code jmx} option. */
  public enum Mode {
    AUTO, ON, OFF;

    /** {@code auto}, {@code true} or {@code false}; null for anything else. */
    public static Mode parse(String value) {
      switch (value) {
        case "auto":
          return AUTO;
        case "true":
          return ON;
        case "false":
          return OFF;
        default:
          return null;
      }
    }

    public String id() {
      return this == AUTO ? "auto" : this == ON ? "true" : "false";
    }
  }

  private static final String[] ITEMS = {"type", "cluster", "instancesPerJob", "bytesPerJob", "confidence", "root"};
  private static final TabularType SUSPECTS = suspectsType();

  private final Mode mode;
  private final Supplier<Report> current;
  private final Supplier<List<String>> write;
  private final java.util.function.Consumer<String> log;
  private MBeanServer registeredIn;
  private int slots;
  private boolean failed;
  private Report cached;
  private long cachedAt;

  /**
   * @param current the report as of now, with its ledger: built when a client reads an attribute
   *                (a scrape every few seconds), not at every census
   * @param write   writes the report now and says where
   */
  public JmxPublisher(Mode mode, Supplier<Report> current, Supplier<List<String>> write,
                      java.util.function.Consumer<String> log) {
    this.mode = mode;
    this.current = current;
    this.write = write;
    this.log = log;
  }

  /**
   * After each census, on the sampler thread: the MBean registered when due, with its
   * {@value #TOP} suspect slots ({@link LeakSuspectMBean}). All at once and for the whole hunt: each
   * registration leaves objects of the JDK's types in the MBean server, which the censuses count as
   * the host's, so a slot per suspect, registered as suspects come and go, would be steps in them.
   */
  public void afterCensus() {
    if (registeredIn != null || failed || mode == Mode.OFF) {
      return;
    }
    if (mode == Mode.AUTO && MBeanServerFactory.findMBeanServer(null).isEmpty()) {
      return;
    }
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      server.registerMBean(new StandardMBean(this, LeakHunterMBean.class), new ObjectName(OBJECT_NAME));
      registeredIn = server;
      for (int rank = 1; rank <= TOP; rank++) {
        server.registerMBean(new StandardMBean(new SuspectSlot(rank, this::report), LeakSuspectMBean.class),
            slotName(rank));
        slots = rank;
      }
      log.accept("MBean " + OBJECT_NAME + " registered, with " + SUSPECT_NAME + "1 to " + TOP
          + (mode == Mode.AUTO ? " (the JVM has an MBean server)" : ""));
    } catch (Exception | LinkageError e) {
      failed = true;
      log.accept("MBean " + OBJECT_NAME + " not registered: " + e);
    }
  }

  private static ObjectName slotName(int rank) throws javax.management.MalformedObjectNameException {
    return new ObjectName(SUSPECT_NAME + rank);
  }

  /** At detach or shutdown: the MBeans go with the hunt. */
  public void close() {
    MBeanServer server = registeredIn;
    registeredIn = null;
    if (server != null) {
      try {
        server.unregisterMBean(new ObjectName(OBJECT_NAME));
      } catch (Exception e) {
        // already gone
      }
      for (; slots > 0; slots--) {
        try {
          server.unregisterMBean(slotName(slots));
        } catch (Exception e) {
          // already gone
        }
      }
    }
  }

  /**
   * The report as of now; reads within {@value #REUSE_MILLIS} ms share one. A bridge reads every
   * attribute of every slot in turn (the OpenTelemetry agent: 7 reads a slot, 10 slots, each
   * export), and each would otherwise build the report anew.
   */
  private synchronized Report report() {
    long now = System.nanoTime();
    if (cached == null || now - cachedAt > REUSE_MILLIS * 1_000_000L) {
      cached = current.get();
      cachedAt = now;
    }
    return cached;
  }

  @Override
  public String getVerdict() {
    return report().verdict().json();
  }

  @Override
  public int getLeaking() {
    return report().verdict() == dev.leakhunter.growth.Verdict.LEAK ? 1 : 0;
  }

  @Override
  public long getJobsCompleted() {
    return report().jobs().completed();
  }

  @Override
  public int getSamples() {
    return report().samples().size();
  }

  @Override
  public double getOverheadPercent() {
    Report.Cost cost = report().cost();
    return cost == null ? 0 : cost.percent();
  }

  @Override
  public TabularData getSuspects() {
    TabularDataSupport rows = new TabularDataSupport(SUSPECTS);
    List<Report.SuspectReport> suspects = report().suspects();
    // A JDK type shared by two leaks is listed in each with its share (RootSplit); the table is
    // indexed by type, so its row adds the shares up, under the first leak's number and root.
    Map<String, Object[]> byType = new LinkedHashMap<>();
    for (Report.SuspectReport s : suspects) {
      Object[] row = byType.get(s.suspect().type());
      if (row != null) {
        row[2] = (Double) row[2] + s.suspect().instancesPerJob();
        row[3] = (Double) row[3] + s.suspect().bytesPerJob();
      } else if (byType.size() < TOP) {
        byType.put(s.suspect().type(), new Object[] {s.suspect().type(), s.suspect().cluster(),
            s.suspect().instancesPerJob(), s.suspect().bytesPerJob(), s.suspect().confidence(),
            s.roots().isEmpty() ? "" : s.roots().get(0).root()});
      }
    }
    try {
      for (Object[] row : byType.values()) {
        rows.put(new CompositeDataSupport(SUSPECTS.getRowType(), ITEMS, row));
      }
    } catch (OpenDataException e) {
      throw new IllegalStateException(e); // the row type is ours: not reached
    }
    return rows;
  }

  @Override
  public String writeReport() {
    return String.join("\n", write.get());
  }

  private static TabularType suspectsType() {
    try {
      OpenType<?>[] types = {SimpleType.STRING, SimpleType.INTEGER, SimpleType.DOUBLE, SimpleType.DOUBLE,
          SimpleType.DOUBLE, SimpleType.STRING};
      CompositeType row = new CompositeType("Suspect", "a type that keeps growing per job", ITEMS,
          new String[] {"type", "the leak it grows with (1: the largest)", "instances per job", "bytes per job",
              "0..1", "what holds it, empty until known"}, types);
      return new TabularType("Suspects", "the top suspects", row, new String[] {"type"});
    } catch (OpenDataException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
