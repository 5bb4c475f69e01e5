package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;

/** A key as the database holds it, decrypted, for building or restoring the pool. */
public record KeySnapshot(
    long keyId,
    long providerId,
    String secret,
    String masked,
    int weight,
    KeyStatus status,
    long statusUntilMillis,
    String statusReason,
    long totalRequests,
    long successes,
    long failures,
    long rateLimited,
    long lastUsedMillis,
    String lastError) {}
