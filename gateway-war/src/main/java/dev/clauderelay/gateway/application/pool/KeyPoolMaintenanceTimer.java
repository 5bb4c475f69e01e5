package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a minute: moves keys whose rest is over back to active (the request path does it lazily too;
 * this makes it visible and persisted when no traffic comes), and probes the invalid keys whose
 * next probe is due, a bounded number per run. Not persistent: a missed run is simply the next one.
 * In a cluster only the leading relay runs it; the others learn the outcomes as events.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeyPoolMaintenanceTimer {

  private static final Logger LOG = Logger.getLogger(KeyPoolMaintenanceTimer.class.getName());

  @Inject private KeyPoolService pools;
  @Inject private RelayCluster cluster;

  /** A run that outlasts the minute (slow probes) is not overlapped by the next. */
  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(second = "30", minute = "*", hour = "*", persistent = false)
  void run() {
    if (!cluster.leads()) {
      return; // in a cluster, the oldest relay maintains and probes for all
    }
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      pools.maintainAll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Key pool maintenance failed; the next run retries", e);
    } finally {
      running.set(false);
    }
  }
}
