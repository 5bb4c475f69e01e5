package dev.clauderelay.gateway.application.budget;

/**
 * Where client keys' spend lives while the relay runs: read on every request, so every method must
 * answer from memory without blocking. This relay's is {@link InMemorySpendStore}; a cluster of
 * relays replaces it with one that shares the counts (each node adds locally and exchanges
 * increments), behind the same methods. What is spent is also in the usage aggregates, written in
 * batches with the request log, and {@link SpendLoader} reloads it from there at start.
 */
public interface SpendStore {

  /** The spend of the key in the periods that hold {@code nowMillis}. */
  Spend spend(long clientKeyId, long nowMillis);

  /**
   * Counts a finished request's cost and tokens in the periods that hold {@code atMillis}; a
   * request of a period that is over counts nowhere.
   */
  void add(long clientKeyId, long atMillis, long costNanos, long tokens);

  /**
   * Adds what the usage aggregates hold for one period, at start; {@code periodStartMillis} is the
   * start of the period it belongs to.
   */
  void restore(
      long clientKeyId, BudgetPeriod period, long periodStartMillis, long costNanos, long tokens);

  /**
   * Takes one of the key's concurrent slots.
   *
   * @param limit the key's concurrency limit, greater than 0
   * @return whether a slot was free (and is now taken); each {@code true} must be followed by one
   *     {@link #leave}
   */
  boolean enter(long clientKeyId, int limit);

  /** Gives back a slot {@link #enter} took. */
  void leave(long clientKeyId);
}
