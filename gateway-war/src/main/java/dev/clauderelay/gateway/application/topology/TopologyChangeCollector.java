package dev.clauderelay.gateway.application.topology;

import dev.clauderelay.gateway.infrastructure.cluster.ClusterChannels;
import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the {@link TopologyChanged} events of one transaction into one rebuild after it commits: a
 * batch of a thousand key imports rebuilds once, and a rolled-back change not at all. Outside a
 * transaction, rebuilds at once.
 */
@ApplicationScoped
public class TopologyChangeCollector {

  private static final Logger LOG = Logger.getLogger(TopologyChangeCollector.class.getName());
  private static final String PENDING = TopologyChangeCollector.class.getName() + ".pending";

  @Resource private TransactionSynchronizationRegistry transactions;
  @Inject private Provider<TopologyService> topology;
  @Resource private ManagedExecutorService executor;
  @Inject private RelayCluster cluster;

  void collect(@Observes TopologyChanged change) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      topology.get().rebuild(change.what());
      cluster.publish(ClusterChannels.TOPOLOGY, change.what());
      return;
    }
    @SuppressWarnings("unchecked")
    List<String> pending = (List<String>) transactions.getResource(PENDING);
    if (pending != null) {
      pending.add(change.what());
      return;
    }
    List<String> reasons = new ArrayList<>();
    reasons.add(change.what());
    transactions.putResource(PENDING, reasons);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              rebuildOutsideTransaction(summarize(reasons));
            }
          }
        });
  }

  /**
   * This thread is still tied to the finished transaction; the rebuild reads in transactions of its
   * own on a managed thread, and the admin's call returns once the new snapshot is live.
   */
  private void rebuildOutsideTransaction(String reason) {
    try {
      executor.submit(() -> topology.get().rebuild(reason)).get(60, TimeUnit.SECONDS);
      cluster.publish(ClusterChannels.TOPOLOGY, reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.SEVERE, "Rebuilding the relay configuration failed after: " + reason, e);
    }
  }

  private static String summarize(List<String> reasons) {
    return reasons.size() == 1
        ? reasons.get(0)
        : reasons.get(0) + " and " + (reasons.size() - 1) + " more change(s)";
  }
}
