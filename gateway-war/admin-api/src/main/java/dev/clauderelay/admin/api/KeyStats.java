package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One key's counters in a pool's stats: failures by the relay's class ({@code rate_limited}, {@code
 * key_invalid}, {@code quota_exhausted}, {@code overloaded}, {@code upstream_error}), and a
 * client's own errors apart, as they are no failures of the key.
 */
public record KeyStats(
    long id,
    String key,
    String label,
    String status,
    long requests,
    long successes,
    long failures,
    Map<String, Long> failuresByClass,
    long clientErrors,
    long rateLimited,
    long averageLatencyMs,
    Instant lastUsedAt,
    String lastError,
    Instant lastErrorAt)
    implements Serializable {}
