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
 */
public record KeyCandidate(
    long keyId, int weight, int inFlight, long totalRequests, long lastUsedEpochMillis) {

  public KeyCandidate {
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be at least 1, was " + weight);
    }
  }
}
