package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.UsageReport;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

  @Inject private UsageQueries usage;

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
}
