package dev.leakhunter.publish;

/**
 * One of the top suspects as an MBean of its own, {@code dev.leakhunter:type=LeakSuspect,rank=N}
 * (N from 1, in the report's order, at most {@value JmxPublisher#TOP}): for JMX bridges that read
 * simple attributes only, such as the OpenTelemetry Java agent's JMX rules, which take a label from
 * an attribute ({@code beanattr(Type)}) but cannot read the rows of
 * {@link LeakHunterMBean#getSuspects()}. All {@value JmxPublisher#TOP} are registered with the
 * hunt's MBean; a rank the report has no suspect for reads an empty type and zeros.
 */
public interface LeakSuspectMBean {
  /** The type, as the report names it; empty when the report has fewer suspects than this rank. */
  String getType();

  /** The leak it grows with (1: the largest); 0 if gone. */
  int getCluster();

  double getInstancesPerJob();

  double getBytesPerJob();

  /** 0..1. */
  double getConfidence();

  /** What holds it, empty until known. */
  String getRoot();
}
