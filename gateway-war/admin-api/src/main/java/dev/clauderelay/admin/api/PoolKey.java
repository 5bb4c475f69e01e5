package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One key of a provider's pool as {@code GET /api/admin/key-pool/{id}} lists it, masked: its state
 * (until when it holds and why), the models it is limited for, its traffic counters and its last
 * error. Instants and reasons may be null.
 *
 * @param rpmLimit requests per minute it may take; null without a limit
 * @param concurrencyLimit requests it may have in flight; null without a limit
 * @param invalid only for an invalid key (its field absent otherwise): when it is probed next
 * @param requestsLastMinute only for a key with an rpm limit
 * @param averageLatencyMs 0 while the key has seen no traffic
 */
public record PoolKey(
    @JsonProperty(required = true) long id,
    long providerId,
    @JsonProperty(required = true) String key,
    String label,
    int weight,
    Integer rpmLimit,
    Integer concurrencyLimit,
    @JsonProperty(required = true) String status,
    Instant statusUntil,
    String statusReason,
    List<ModelLimit> modelLimits,
    @JsonUnwrapped InvalidKey invalid,
    int inFlight,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer requestsLastMinute,
    long requests,
    long successes,
    long failures,
    long rateLimited,
    long averageLatencyMs,
    Instant lastUsedAt,
    String lastError,
    Instant lastErrorAt,
    Instant createdAt)
    implements Serializable {

  /**
   * A key rested for one model only (a Gemini model's daily quota): the key keeps serving others.
   */
  public record ModelLimit(String model, String status, Instant until, String reason)
      implements Serializable {}

  /** What only an invalid key has: when the relay probes it next (null when not scheduled). */
  public record InvalidKey(Instant nextProbeAt) implements Serializable {}

  /** Successes per finished request, 0..1; null while the key has seen no traffic. */
  public Double successRate() {
    long finished = successes + failures;
    return finished == 0 ? null : (double) successes / finished;
  }
}
