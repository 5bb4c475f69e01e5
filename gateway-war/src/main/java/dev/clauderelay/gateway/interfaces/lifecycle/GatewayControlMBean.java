package dev.clauderelay.gateway.interfaces.lifecycle;

/**
 * What the launcher sees of the gateway while it stops it, registered as {@value
 * GatewayControl#OBJECT_NAME}. The launcher calls it by name through the platform MBean server
 * (their classes live in different class loaders): the names of these methods are a contract with
 * {@code RelayLauncher}.
 */
public interface GatewayControlMBean {

  /** Client requests not yet answered to their end: bodies being read and exchanges open. */
  int getOpenRequests();

  /** Whether the gateway has stopped taking requests. */
  boolean isStopping();

  /** From now on, new client requests are refused; those in flight go on to their end. */
  void stopTakingRequests();
}
