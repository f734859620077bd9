package dev.leakhunter.catalogue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/**
 * Leak 12, through a JDK registry: each job registers a platform MBean for its connection's
 * statistics and never unregisters it (connection pools and caches do this): the platform MBean
 * server, held by a static of {@code java.lang.management.ManagementFactory}, keeps every one.
 */
public final class MBeanPerJob extends Fixture {
  private static final AtomicLong IDS = new AtomicLong();

  /** The standard MBean interface of {@link ConnectionStats}. */
  public interface ConnectionStatsMBean {
    long getBytesSent();
  }

  public static final class ConnectionStats implements ConnectionStatsMBean {
    private final long bytesSent;

    ConnectionStats(long bytesSent) {
      this.bytesSent = bytesSent;
    }

    @Override
    public long getBytesSent() {
      return bytesSent;
    }
  }

  @Override
  public void job(int n) throws Exception {
    ManagementFactory.getPlatformMBeanServer().registerMBean(new ConnectionStats(n),
        new ObjectName("dev.leakhunter.catalogue:type=Connection,id=" + IDS.incrementAndGet()));
    Work.sink += Work.transientWork(n, 20);
  }
}
