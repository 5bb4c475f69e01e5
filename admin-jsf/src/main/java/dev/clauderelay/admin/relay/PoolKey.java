package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.time.Instant;

/**
 * One key of a provider's pool, masked: its state (and until when it holds), its traffic counters
 * and its last error. {@code statusUntil} and {@code lastUsedAt} may be null.
 */
public record PoolKey(
    long id,
    String maskedKey,
    String label,
    int weight,
    String status,
    Instant statusUntil,
    String statusReason,
    long requests,
    long successes,
    long failures,
    long rateLimited,
    Instant lastUsedAt,
    String lastError)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Successes per finished request, 0..1; null while the key has seen no traffic. */
  public Double successRate() {
    long finished = successes + failures;
    return finished == 0 ? null : (double) successes / finished;
  }
}
