package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;
import java.time.Instant;

/**
 * A key of a provider as {@code /api/admin/providers/{id}/keys} shows it, masked. A key the relay
 * has loaded shows its live state and traffic; one it has not shows its stored state and request
 * count only, without the {@code live} and {@code traffic} fields.
 */
public record ProviderKeyView(
    long id,
    long providerId,
    String key,
    String label,
    int weight,
    String status,
    @JsonUnwrapped Live live,
    long requests,
    @JsonUnwrapped Traffic traffic,
    Instant createdAt)
    implements Serializable {

  /** The live state: until when it holds and why, and the requests in flight. */
  public record Live(Instant statusUntil, String statusReason, int inFlight)
      implements Serializable {}

  /** The live traffic counters and the last error. */
  public record Traffic(
      long successes, long failures, long rateLimited, Instant lastUsedAt, String lastError)
      implements Serializable {}
}
