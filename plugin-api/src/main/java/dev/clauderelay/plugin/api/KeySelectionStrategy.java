package dev.clauderelay.plugin.api;

/**
 * Picks the key a request is sent with, among the usable keys of a provider's pool.
 *
 * <p><b>Purity:</b> everything a strategy needs arrives as arguments (load figures in the
 * candidates, a rotation sequence and a random source in the context); an implementation keeps no
 * mutable state, performs no I/O and reads no clock. <b>Threading:</b> one instance serves every
 * pool and is called concurrently from many threads. <b>Failure:</b> an exception is a bug in the
 * strategy; the relay logs it and falls back to the first candidate, so a broken plugin degrades a
 * pool's balance but never its availability.
 */
public interface KeySelectionStrategy extends RelayExtension {

  /**
   * Returns the index, in {@code candidates}, of the key to use.
   *
   * @param candidates the usable keys, never empty
   * @param context the request's selection context
   * @return an index {@code 0 <= i < candidates.size()}
   */
  int select(KeyCandidates candidates, SelectionContext context);
}
