package dev.clauderelay.gateway.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The schema's DATETIME columns hold UTC; JDBC writers that bypass JPA convert here. */
public final class UtcTimestamps {

  private UtcTimestamps() {}

  /** {@code epochMillis} as a UTC wall-clock timestamp. */
  public static Timestamp utc(long epochMillis) {
    return Timestamp.valueOf(
        LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }
}
