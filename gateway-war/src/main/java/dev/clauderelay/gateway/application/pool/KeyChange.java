package dev.clauderelay.gateway.application.pool;

/**
 * An admin's change to one key; {@code null} fields stay as they are.
 *
 * @param status {@code active} (enable: the key gets traffic again, whatever traffic had decided)
 *     or {@code disabled}
 * @param label an empty label removes it
 * @param rpmLimit 0 removes the limit
 * @param concurrencyLimit 0 removes the limit
 */
public record KeyChange(
    String status, String label, Integer weight, Integer rpmLimit, Integer concurrencyLimit) {}
