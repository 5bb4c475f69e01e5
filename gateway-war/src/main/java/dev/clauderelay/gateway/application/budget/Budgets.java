package dev.clauderelay.gateway.application.budget;

import dev.clauderelay.gateway.infrastructure.cluster.ClusterChannels;
import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import dev.clauderelay.gateway.infrastructure.config.RelayClock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The relay's one {@link BudgetGuard}, over this relay's {@link InMemorySpendStore} (or, in a
 * cluster, a {@link SharedSpendStore} over it) and the {@link RelayClock}.
 */
@ApplicationScoped
public class Budgets {

  @Inject private RelayClock clock;
  @Inject private RelayCluster cluster;
  @Resource private ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> flushing;

  @PreDestroy
  void stop() {
    if (flushing != null) {
      flushing.cancel(false);
    }
  }

  private BudgetGuard guard;

  @PostConstruct
  void init() {
    RelayClock wall = clock;
    SpendStore store = new InMemorySpendStore();
    if (cluster.enabled()) {
      SharedSpendStore shared =
          new SharedSpendStore(
              store,
              (keyId, at, cost, tokens) ->
                  cluster.publish(ClusterChannels.CLIENT_KEY_SPENT, keyId, at, cost, tokens));
      cluster.subscribe(
          ClusterChannels.CLIENT_KEY_SPENT,
          f ->
              shared.addRemote(
                  Long.parseLong(f.get(0)),
                  Long.parseLong(f.get(1)),
                  Long.parseLong(f.get(2)),
                  Long.parseLong(f.get(3))));
      store = shared;
      flushing = scheduler.scheduleWithFixedDelay(shared::flush, 250, 250, TimeUnit.MILLISECONDS);
    }
    guard = new BudgetGuard(store, wall::millis);
  }

  public BudgetGuard guard() {
    return guard;
  }

  /** Now, by the clock budgets go by. */
  public long now() {
    return clock.millis();
  }

  /** What the key spent in the current periods, and its requests in flight. */
  public Spend spendOf(long clientKeyId) {
    return guard.store().spend(clientKeyId, clock.millis());
  }
}
