package dev.clauderelay.gateway.application.pool;

/**
 * A key an admin adds to a pool; {@code null} settings take their defaults (weight 1, no limits).
 *
 * @param rpmLimit requests per minute the key may send, {@code null} or 0 for no limit
 * @param concurrencyLimit requests the key may have in flight at once, {@code null} or 0 for none
 */
public record NewKey(
    String key, String label, Integer weight, Integer rpmLimit, Integer concurrencyLimit) {}
