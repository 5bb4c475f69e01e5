package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import java.util.List;

/**
 * A key as the database holds it, for building or restoring the pool. The secret itself is not
 * here: the pool decrypts it only for keys it does not hold yet ({@code secretVersion} tells a
 * changed secret), so rebuilding a pool of 10,000 keys decrypts none of the known ones.
 *
 * @param secretVersion a value that changes whenever the stored secret does (a hash of its
 *     ciphertext)
 * @param rpmLimit requests per minute, 0 for no limit
 * @param concurrencyLimit requests in flight at once, 0 for no limit
 * @param adminRevision counts the admin's status decisions on the key; a new value makes the stored
 *     status win over the live one
 * @param models per-model limits and quota-window counts, read only when the key is restored
 */
public record KeySnapshot(
    long keyId,
    long providerId,
    int secretVersion,
    String masked,
    String label,
    int weight,
    int rpmLimit,
    int concurrencyLimit,
    long createdAtMillis,
    long adminRevision,
    KeyStatus status,
    long statusUntilMillis,
    String statusReason,
    long totalRequests,
    long successes,
    long failures,
    long rateLimited,
    long keyInvalidFailures,
    long quotaFailures,
    long overloadedFailures,
    long upstreamFailures,
    long clientErrors,
    long latencyTotalMillis,
    long latencyCount,
    long lastUsedMillis,
    String lastError,
    long lastErrorMillis,
    List<ModelSnapshot> models) {

  /**
   * One model's state on a key.
   *
   * @param status {@code COOLING_DOWN} or {@code EXHAUSTED} while the key rests for the model,
   *     {@code null} when it does not
   * @param windowStart the strategy's quota window the count belongs to
   */
  public record ModelSnapshot(
      String model,
      KeyStatus status,
      long untilMillis,
      String reason,
      long windowStart,
      long windowRequests) {}
}
