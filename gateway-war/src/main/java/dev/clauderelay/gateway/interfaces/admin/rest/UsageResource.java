package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.UsageReport;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.usage.SessionUsageQueries;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/admin/usage?hours=24&providerId=&keyId=}: requests, errors and tokens hour by
 * hour (oldest first, every hour present), for all providers, one, or one key of its pool; what the
 * console's usage and key-pool charts draw.
 */
@Path("api/admin/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

  static final int MAX_HOURS = 24 * 31;

  static final int DEFAULT_SESSIONS = 100;
  static final int MAX_SESSIONS = 500;

  @Inject private UsageQueries usage;
  @Inject private SessionUsageQueries sessionUsage;

  @GET
  public String series(
      @QueryParam("hours") Integer hours,
      @QueryParam("providerId") Long providerId,
      @QueryParam("keyId") Long keyId) {
    int window = hours == null ? 24 : hours;
    if (window < 1 || window > MAX_HOURS) {
      throw new InvalidInputException("hours", "must be between 1 and " + MAX_HOURS);
    }
    if (providerId != null && providerId < 1) {
      throw new InvalidInputException("providerId", "must be a provider id (1 or more)");
    }
    if (keyId != null && providerId == null) {
      throw new InvalidInputException("keyId", "needs providerId, the provider of the key");
    }
    List<UsageReport.Hour> series =
        usage.series(window, providerId == null ? 0 : providerId, keyId).stream()
            .map(
                hour ->
                    new UsageReport.Hour(
                        AdminViews.instant(hour.start()), AdminViews.totals(hour.totals())))
            .toList();
    return AdminRequests.write(new UsageReport(window, providerId, keyId, series));
  }

  /**
   * {@code GET /api/admin/usage/sessions?from=&to=&limit=}: usage per Claude Code session and
   * sub-agent over {@code [from, to)} (ISO-8601 instants; the last 24 hours by default, at most
   * {@value #MAX_HOURS} hours), the most recently active sessions first.
   */
  @GET
  @Path("sessions")
  public String sessions(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit) {
    Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to);
    Instant start =
        from == null || from.isBlank() ? end.minus(Duration.ofHours(24)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw new InvalidInputException("from", "must be before to");
    }
    if (Duration.between(start, end).compareTo(Duration.ofHours(MAX_HOURS)) > 0) {
      throw new InvalidInputException("from", "must be at most " + MAX_HOURS + " hours before to");
    }
    int count = limit == null ? DEFAULT_SESSIONS : limit;
    if (count < 1 || count > MAX_SESSIONS) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_SESSIONS);
    }
    return AdminRequests.write(sessionUsage.sessions(start, end, count));
  }

  private static Instant instant(String name, String value) {
    if (value.length() > 40) {
      throw new InvalidInputException(
          name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
    }
  }
}
