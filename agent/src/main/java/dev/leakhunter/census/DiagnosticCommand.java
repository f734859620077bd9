package dev.leakhunter.census;

import java.lang.management.ManagementFactory;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Predicate;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

/**
 * HotSpot's {@code DiagnosticCommand} MBean, the object that runs {@code GC.class_histogram} in
 * process, and the way the census reaches it.
 *
 * <p>The public way goes through {@link ManagementFactory#getPlatformMBeanServer()}. Starting that
 * server registers and introspects every platform MXBean, and measured on the demo daemon (JDK 17,
 * docs/performance.md) that start alone cost the host 6-7% of its throughput for the rest of the
 * run (why exactly was not taken apart: the introspection sorts and reflects through JDK code the
 * host runs too). So the agent takes the MBean object itself from {@code jdk.management} (opened to
 * a private module, never to the host) and invokes it directly; it is the same object the server
 * would register, it only skips the server. The server stays the way when that fails (a JVM that
 * moved the class), and for the JUnit API, whose test JVM does not mind.
 */
abstract class DiagnosticCommand {
  static final String MBEAN_NAME = "com.sun.management:type=DiagnosticCommand";
  private static final String IMPLEMENTATION = "com.sun.management.internal.DiagnosticCommandImpl";

  /** Runs one of the MBean's operations, as {@link MBeanServer#invoke} would. */
  abstract Object invoke(String operation, Object[] params, String[] signature) throws JMException;

  /** Through the platform MBean server, which this call starts if the host has not. */
  static DiagnosticCommand platform() {
    return onServer(ManagementFactory.getPlatformMBeanServer());
  }

  static DiagnosticCommand onServer(MBeanServer server) {
    return new OnServer(server);
  }

  /**
   * The MBean object itself, made accessible by {@code opener} (which must have
   * {@code jdk.management}'s packages opened to it).
   *
   * @throws ReflectiveOperationException when the class or its factory method is not there, or not
   *                                      accessible, or yields no {@link DynamicMBean}
   */
  static DiagnosticCommand direct(Predicate<AccessibleObject> opener) throws ReflectiveOperationException {
    Method factory = Class.forName(IMPLEMENTATION, false, ClassLoader.getPlatformClassLoader())
        .getDeclaredMethod("getDiagnosticCommandMBean");
    if (!opener.test(factory)) {
      throw new IllegalAccessException(IMPLEMENTATION + " is not open to the agent");
    }
    Object mbean = factory.invoke(null);
    if (!(mbean instanceof DynamicMBean)) {
      // null when the JVM supports no remote diagnostic commands
      throw new ReflectiveOperationException(IMPLEMENTATION + ".getDiagnosticCommandMBean() returned "
          + (mbean == null ? "null" : "a " + mbean.getClass().getName()));
    }
    return of((DynamicMBean) mbean);
  }

  /** Invokes {@code mbean} itself, with the server's error wrapping. */
  static DiagnosticCommand of(DynamicMBean mbean) {
    return new Direct(mbean);
  }

  private static final class OnServer extends DiagnosticCommand {
    private final MBeanServer server;
    private final ObjectName name;

    OnServer(MBeanServer server) {
      this.server = Objects.requireNonNull(server, "server");
      try {
        this.name = new ObjectName(MBEAN_NAME);
      } catch (MalformedObjectNameException e) {
        throw new AssertionError(MBEAN_NAME, e); // a constant: cannot happen
      }
    }

    @Override
    Object invoke(String operation, Object[] params, String[] signature) throws JMException {
      return server.invoke(name, operation, params, signature);
    }
  }

  private static final class Direct extends DiagnosticCommand {
    private final DynamicMBean mbean;

    Direct(DynamicMBean mbean) {
      this.mbean = Objects.requireNonNull(mbean, "mbean");
    }

    /** Wraps what the MBean throws as the server would, so that errors read the same either way. */
    @Override
    Object invoke(String operation, Object[] params, String[] signature) throws JMException {
      try {
        return mbean.invoke(operation, params, signature);
      } catch (RuntimeException e) {
        throw new RuntimeMBeanException(e, operation + " failed");
      }
    }
  }
}
