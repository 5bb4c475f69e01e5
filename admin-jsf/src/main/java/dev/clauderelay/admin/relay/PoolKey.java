package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One key of a provider's pool as {@code GET /api/admin/key-pool/{id}} lists it, masked: its state
 * (until when it holds and why), the models it is limited for, its traffic counters and its last
 * error. Instants and the reason may be null.
 *
 * @param nextProbeAt when an invalid key is probed next; null for any other state
 * @param averageLatencyMs 0 while the key has seen no traffic
 */
public record PoolKey(
    long id,
    String maskedKey,
    String label,
    int weight,
    String status,
    Instant statusUntil,
    String statusReason,
    List<ModelLimit> modelLimits,
    Instant nextProbeAt,
    int inFlight,
    long requests,
    long successes,
    long failures,
    long rateLimited,
    long averageLatencyMs,
    Instant lastUsedAt,
    String lastError)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public PoolKey {
    modelLimits = List.copyOf(modelLimits);
  }

  /**
   * A key rested for one model only (a Gemini model's daily quota): the key keeps serving others.
   */
  public record ModelLimit(String model, String status, Instant until, String reason)
      implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** Successes per finished request, 0..1; null while the key has seen no traffic. */
  public Double successRate() {
    long finished = successes + failures;
    return finished == 0 ? null : (double) successes / finished;
  }
}
