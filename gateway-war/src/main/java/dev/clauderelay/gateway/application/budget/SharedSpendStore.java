package dev.clauderelay.gateway.application.budget;

/**
 * The spend of a relay in a cluster: this relay's counts, plus every other relay's as they report
 * them, so a key's budget holds for the cluster, not for each relay. Reading stays in memory; each
 * finished request's cost goes to the others as one event. Concurrent slots stay each relay's own
 * (a relay that dies would otherwise leave its slots taken everywhere).
 */
public final class SharedSpendStore implements SpendStore {

  /** Hands a finished request's spend to the other relays; must not block. */
  public interface Publisher {
    void spent(long clientKeyId, long atMillis, long costNanos, long tokens);
  }

  private final SpendStore local;
  private final Publisher publisher;

  public SharedSpendStore(SpendStore local, Publisher publisher) {
    this.local = local;
    this.publisher = publisher;
  }

  @Override
  public Spend spend(long clientKeyId, long nowMillis) {
    return local.spend(clientKeyId, nowMillis);
  }

  @Override
  public void add(long clientKeyId, long atMillis, long costNanos, long tokens) {
    local.add(clientKeyId, atMillis, costNanos, tokens);
    if (costNanos != 0 || tokens != 0) {
      publisher.spent(clientKeyId, atMillis, costNanos, tokens);
    }
  }

  /** Counts what another relay of the cluster spent. */
  public void addRemote(long clientKeyId, long atMillis, long costNanos, long tokens) {
    local.add(clientKeyId, atMillis, costNanos, tokens);
  }

  @Override
  public void restore(
      long clientKeyId, BudgetPeriod period, long periodStartMillis, long costNanos, long tokens) {
    local.restore(clientKeyId, period, periodStartMillis, costNanos, tokens);
  }

  @Override
  public boolean enter(long clientKeyId, int limit) {
    return local.enter(clientKeyId, limit);
  }

  @Override
  public void leave(long clientKeyId) {
    local.leave(clientKeyId);
  }
}
