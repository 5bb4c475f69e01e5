package dev.clauderelay.plugin.api;

/**
 * Picks the key a request is sent with, among the usable keys of a provider's pool.
 *
 * <p><b>Purity:</b> everything a strategy needs arrives as arguments (load figures in the
 * candidates, a rotation sequence and a random source in the context); an implementation keeps no
 * mutable state, performs no I/O and reads no clock. <b>Threading:</b> one instance serves every
 * pool and is called concurrently from many threads. <b>Failure:</b> an exception is a bug in the
 * strategy; the relay logs it and falls back to the first candidate, so a broken plugin degrades a
 * pool's balance but never its availability. <b>Cost:</b> a pool may hold 10,000 keys; a strategy
 * should read a bounded number of candidates per selection (sample, or look at a window), not all
 * of them.
 */
public interface KeySelectionStrategy extends RelayExtension {

  /** {@link #quotaWindowStart}'s answer for a strategy that needs no per-model request counts. */
  long NO_QUOTA_WINDOW = Long.MIN_VALUE;

  /**
   * Returns the index, in {@code candidates}, of the key to use.
   *
   * @param candidates the usable keys, never empty
   * @param context the request's selection context
   * @return an index {@code 0 <= i < candidates.size()}
   */
  int select(KeyCandidates candidates, SelectionContext context);

  /**
   * When the upstream's current quota window for {@code model} began, for a strategy that balances
   * per-model quotas (Gemini's daily request quotas reset at midnight Pacific time): the relay then
   * counts, per key and model, the requests sent since that instant and passes the count as {@link
   * KeyCandidate#modelRequests()}. A new window starts every count again from zero.
   *
   * <p>Pure, like {@link #select}: the clock arrives as {@code nowEpochMillis}. Called once per
   * selection, from any thread. Added in plugin API 1.1.
   *
   * @return the window's start, at most {@code nowEpochMillis}; {@link #NO_QUOTA_WINDOW} (the
   *     default) when the strategy does not use per-model counts, which spares the relay keeping
   *     them
   */
  default long quotaWindowStart(String model, long nowEpochMillis) {
    return NO_QUOTA_WINDOW;
  }
}
