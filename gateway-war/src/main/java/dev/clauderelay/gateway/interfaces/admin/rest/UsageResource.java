package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.CostReport;
import dev.clauderelay.admin.api.UsageReport;
import dev.clauderelay.gateway.application.admin.ClientKeyAdminService;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.topology.CurrentTopology;
import dev.clauderelay.gateway.application.usage.RequestLogExport;
import dev.clauderelay.gateway.application.usage.SessionUsageQueries;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** Series beyond this many are summed as "other". */
  static final int MAX_SERIES = 10;

  /** Longest period one CSV export covers (the request log keeps 14 days). */
  static final Duration MAX_EXPORT = Duration.ofDays(31);

  @Inject private CurrentTopology topology;
  @Inject private ClientKeyAdminService clientKeys;
  @Inject private RequestLogExport export;

  /** Cost over time per provider, model or client key. */
  @GET
  @Path("cost")
  public String cost(@QueryParam("hours") Integer hours, @QueryParam("by") String by) {
    int window = hours == null ? 24 : hours;
    if (window < 1 || window > MAX_HOURS) {
      throw new InvalidInputException("hours", "must be between 1 and " + MAX_HOURS);
    }
    String dimension = by == null || by.isBlank() ? "provider" : by.strip();
    UsageQueries.CostDimension column =
        switch (dimension) {
          case "provider" -> UsageQueries.CostDimension.PROVIDER;
          case "model" -> UsageQueries.CostDimension.MODEL;
          case "client-key" -> UsageQueries.CostDimension.CLIENT_KEY;
          default -> throw new InvalidInputException("by", "must be provider, model or client-key");
        };
    UsageQueries.CostSeries found = usage.costSeries(window, column);
    Map<Long, String> names = new HashMap<>();
    if (column == UsageQueries.CostDimension.PROVIDER) {
      topology.get().providersById().forEach((id, p) -> names.put(id, p.name()));
    } else if (column == UsageQueries.CostDimension.CLIENT_KEY) {
      clientKeys.list().forEach(k -> names.put(k.id(), k.name()));
    }
    List<Map.Entry<String, long[]>> ordered = new ArrayList<>(found.costByName().entrySet());
    ordered.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue())));
    List<CostReport.Series> series = new ArrayList<>();
    long[] other = null;
    long total = 0;
    for (Map.Entry<String, long[]> entry : ordered) {
      total += sum(entry.getValue());
      if (series.size() < MAX_SERIES) {
        series.add(series(label(column, entry.getKey(), names), entry.getValue()));
      } else {
        if (other == null) {
          other = new long[window];
        }
        for (int i = 0; i < window; i++) {
          other[i] += entry.getValue()[i];
        }
      }
    }
    if (other != null) {
      series.add(series("other", other));
    }
    return AdminRequests.write(
        new CostReport(
            window,
            dimension,
            found.hours().stream().map(AdminViews::instant).toList(),
            series,
            AdminViews.money(total),
            found.unpricedRequests()));
  }

  /**
   * The request log of a period as CSV ({@code from} inclusive, {@code to} exclusive, ISO-8601
   * instants; by default the last 24 hours), streamed as it is read.
   */
  @GET
  @Path("requests.csv")
  @Produces("text/csv")
  public Response requestsCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
    Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to);
    Instant start =
        from == null || from.isBlank() ? end.minus(Duration.ofDays(1)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw new InvalidInputException("from", "must be before to");
    }
    if (Duration.between(start, end).compareTo(MAX_EXPORT) > 0) {
      throw new InvalidInputException("to", "the period must be at most 31 days");
    }
    StreamingOutput body =
        output -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
          export.write(start, end, writer);
        };
    String name =
        "requests-"
            + start.toString().replace(":", "")
            + "-"
            + end.toString().replace(":", "")
            + ".csv";
    return Response.ok(body, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static String label(
      UsageQueries.CostDimension column, String value, Map<Long, String> names) {
    if (column == UsageQueries.CostDimension.MODEL) {
      return value == null || value.isEmpty() ? "(unknown)" : value;
    }
    long id = value == null ? 0 : Long.parseLong(value);
    if (id == 0) {
      return column == UsageQueries.CostDimension.CLIENT_KEY ? "(anonymous)" : "(none)";
    }
    return names.getOrDefault(id, "#" + id);
  }

  private static CostReport.Series series(String name, long[] nanos) {
    List<BigDecimal> points = new ArrayList<>(nanos.length);
    for (long n : nanos) {
      points.add(AdminViews.money(n));
    }
    return new CostReport.Series(name, points, AdminViews.money(sum(nanos)));
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
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
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
    }
  }
}
