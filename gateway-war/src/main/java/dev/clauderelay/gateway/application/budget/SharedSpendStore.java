package dev.clauderelay.gateway.application.budget;

/**
 * The spend of a relay in a cluster: this relay's counts, plus every other relay's as they report
 * them, so a key's budget holds for the cluster, not for each relay. Reading stays in memory. What
 * this relay spends is summed per key and second and handed to the others by {@link #flush} (the
 * caller runs it a few times a second), so the cluster sees one event per busy key and flush, not
 * one per request. Concurrent slots stay each relay's own (a relay that dies would otherwise leave
 * its slots taken everywhere).
 */
public final class SharedSpendStore implements SpendStore {

  /** What one key spent within one second, not yet told to the other relays. */
  private static final class Pending {
    long costNanos;
    long tokens;
  }

  private final java.util.concurrent.ConcurrentHashMap<java.util.Map.Entry<Long, Long>, Pending>
      pending = new java.util.concurrent.ConcurrentHashMap<>();

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
      Pending sum =
          pending.computeIfAbsent(
              java.util.Map.entry(clientKeyId, Math.floorDiv(atMillis, 1000L)), k -> new Pending());
      synchronized (sum) {
        sum.costNanos += costNanos;
        sum.tokens += tokens;
      }
    }
  }

  /**
   * Hands what was spent since the last flush to the other relays, one event per key and second.
   */
  public void flush() {
    for (java.util.Map.Entry<Long, Long> key : pending.keySet()) {
      Pending sum = pending.remove(key);
      if (sum != null) {
        long cost;
        long tokens;
        synchronized (sum) {
          cost = sum.costNanos;
          tokens = sum.tokens;
        }
        publisher.spent(key.getKey(), key.getValue() * 1000L, cost, tokens);
      }
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
