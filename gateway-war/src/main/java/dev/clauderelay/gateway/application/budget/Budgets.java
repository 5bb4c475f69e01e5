package dev.clauderelay.gateway.application.budget;

import dev.clauderelay.gateway.infrastructure.config.RelayClock;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The relay's one {@link BudgetGuard}, over this relay's {@link InMemorySpendStore} and the {@link
 * RelayClock}. A cluster would put its shared store here.
 */
@ApplicationScoped
public class Budgets {

  @Inject private RelayClock clock;
  private BudgetGuard guard;

  @PostConstruct
  void init() {
    RelayClock wall = clock;
    guard = new BudgetGuard(new InMemorySpendStore(), wall::millis);
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
