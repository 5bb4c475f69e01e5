package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pool's stats ({@code GET /api/admin/key-pool/{id}/stats}), or one key's: its counters since the
 * keys were added, and its traffic hour by hour over the window asked for.
 */
public record PoolStats(Totals totals, UsageSeries series) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Counters summed over the keys: failures by the relay's class ({@code rate_limited}, {@code
   * key_invalid}, {@code quota_exhausted}, {@code overloaded}, {@code upstream_error}); a client's
   * own errors are not failures of the key.
   */
  public record Totals(
      int keys,
      long requests,
      long successes,
      long failures,
      Map<String, Long> failuresByClass,
      long clientErrors,
      long rateLimited,
      long averageLatencyMs)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    public Totals {
      failuresByClass = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByClass));
    }

    /** Successes per finished request, 0..1; null without traffic. */
    public Double successRate() {
      long finished = successes + failures;
      return finished == 0 ? null : (double) successes / finished;
    }
  }
}
