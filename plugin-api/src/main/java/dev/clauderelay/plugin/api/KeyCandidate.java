package dev.clauderelay.plugin.api;

/**
 * What a key selection strategy may know about one usable key of a pool: its identity and load,
 * never its secret.
 *
 * @param keyId the pool's id of the key, stable for the key's life
 * @param weight the admin-assigned relative weight, at least 1
 * @param inFlight requests currently leased on this key
 * @param totalRequests requests sent with this key since it was added
 * @param lastUsedEpochMillis when the key was last leased, 0 if never
 * @param modelRequests requests sent with this key for the selection's model since the start of the
 *     strategy's current quota window ({@link KeySelectionStrategy#quotaWindowStart}); always 0 for
 *     a strategy that declares no window. Added in plugin API 1.1; the five-argument constructor
 *     sets 0.
 */
public record KeyCandidate(
    long keyId,
    int weight,
    int inFlight,
    long totalRequests,
    long lastUsedEpochMillis,
    long modelRequests) {

  public KeyCandidate {
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be at least 1, was " + weight);
    }
  }

  /** A candidate without per-model counts (plugin API 1.0's constructor). */
  public KeyCandidate(
      long keyId, int weight, int inFlight, long totalRequests, long lastUsedEpochMillis) {
    this(keyId, weight, inFlight, totalRequests, lastUsedEpochMillis, 0);
  }
}
