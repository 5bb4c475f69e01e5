package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/admin/usage?hours=&providerId=&keyId=}: hour by hour, oldest first, every hour
 * present; for all providers ({@code providerId} null), one, or one key of its pool.
 */
public record UsageReport(int hours, Long providerId, Long keyId, List<Hour> series)
    implements Serializable {

  /** One hour: its start, then its totals. */
  public record Hour(Instant start, @JsonUnwrapped UsageTotals totals) implements Serializable {}
}
