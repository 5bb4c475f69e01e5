package dev.clauderelay.intake;

import java.time.Duration;

/**
 * What a body must respect while it is read.
 *
 * @param maxBytes the largest body taken (413 above)
 * @param idleTimeout the longest gap without a byte
 * @param minBytesPerSecond the slowest average rate accepted once {@code grace} has passed, so a
 *     client cannot keep a request open by trickling a byte now and then
 * @param grace how long a body may arrive at any rate
 * @param maxDuration the longest a body may take in all
 */
public record BodyRules(
    long maxBytes,
    Duration idleTimeout,
    long minBytesPerSecond,
    Duration grace,
    Duration maxDuration) {

  public BodyRules withMaxBytes(long bytes) {
    return new BodyRules(bytes, idleTimeout, minBytesPerSecond, grace, maxDuration);
  }
}
