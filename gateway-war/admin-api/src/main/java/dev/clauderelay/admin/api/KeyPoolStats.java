package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/key-pool/{providerId}/stats?keyId=&hours=}: a pool's (or with {@code keyId}
 * one key's) totals since its keys were added, its traffic hour by hour over the window, oldest
 * first, and a page of per-key counters.
 */
public record KeyPoolStats(
    KeyPoolProvider provider,
    Long keyId,
    @JsonProperty(required = true) Totals totals,
    int hours,
    @JsonProperty(required = true) List<Hour> series,
    KeyPage<KeyStats> keys)
    implements Serializable {

  /**
   * Counters summed over the keys: failures by class as in {@link KeyStats}; a client's own errors
   * are no failures of the keys.
   */
  public record Totals(
      @JsonProperty(required = true) int keys,
      @JsonProperty(required = true) long requests,
      long successes,
      long failures,
      Map<String, Long> failuresByClass,
      Long clientErrors,
      long rateLimited,
      long averageLatencyMs)
      implements Serializable {

    /** Successes per finished request, 0..1; null without traffic. */
    public Double successRate() {
      long finished = successes + failures;
      return finished == 0 ? null : (double) successes / finished;
    }
  }

  /** One hour of the pool's traffic. */
  public record Hour(
      @JsonProperty(required = true) Instant hour,
      long requests,
      long successes,
      long failures,
      long rateLimited,
      long inputTokens,
      long outputTokens,
      long averageLatencyMs)
      implements Serializable {}
}
