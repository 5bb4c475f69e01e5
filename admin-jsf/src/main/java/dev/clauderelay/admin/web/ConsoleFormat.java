package dev.clauderelay.admin.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages write times and rates: instants in UTC to the minute ({@code 2026-11-26 15:53 UTC}),
 * the same in every language; rates as whole percents. Empty for a missing value.
 */
@Named
@ApplicationScoped
public class ConsoleFormat {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  public String time(Instant instant) {
    return instant == null ? "" : MINUTE.format(instant);
  }

  public String exactTime(Instant instant) {
    return instant == null ? "" : SECOND.format(instant);
  }

  public String percent(Double rate) {
    return rate == null ? "" : Math.round(rate * 100) + " %";
  }

  /** Whether an instant is in the past: an expiry that has passed is shown as such. */
  public boolean past(Instant instant) {
    return instant != null && instant.isBefore(Instant.now());
  }

  /** A {@code p:tag} severity for key, account and provider states. */
  public String severity(String status) {
    return switch (status == null ? "" : status) {
      case "active", "ok", "up" -> "success";
      case "cooling_down", "rate_limited", "pending", "exhausted" -> "warning";
      case "invalid", "expired", "error", "down" -> "danger";
      default -> "secondary";
    };
  }
}
