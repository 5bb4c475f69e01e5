package dev.clauderelay.admin.relay;

import dev.clauderelay.admin.api.KeyPoolStats;
import dev.clauderelay.admin.api.UsageReport;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Requests, tokens and errors hour by hour, oldest first, every hour present: what the console's
 * traffic charts draw, from the usage series or a key pool's stats alike.
 */
public record UsageSeries(List<Hour> hours) implements Serializable {

  private static final long serialVersionUID = 1L;

  public UsageSeries {
    hours = List.copyOf(hours);
  }

  /** One hour's totals. */
  public record Hour(
      Instant start,
      long requests,
      long successes,
      long errors,
      long rateLimited,
      long inputTokens,
      long outputTokens)
      implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** The hours of {@code GET /api/admin/usage}. */
  public static UsageSeries of(UsageReport report) {
    return new UsageSeries(
        report.series().stream()
            .map(
                hour ->
                    new Hour(
                        hour.start(),
                        hour.totals().requests(),
                        hour.totals().successes(),
                        hour.totals().errors(),
                        hour.totals().rateLimited(),
                        hour.totals().inputTokens(),
                        hour.totals().outputTokens()))
            .toList());
  }

  /** The hours of a pool's stats, where a failed request is a failure of its key. */
  public static UsageSeries of(List<KeyPoolStats.Hour> pool) {
    return new UsageSeries(
        pool.stream()
            .map(
                hour ->
                    new Hour(
                        hour.hour(),
                        hour.requests(),
                        hour.successes(),
                        hour.failures(),
                        hour.rateLimited(),
                        hour.inputTokens(),
                        hour.outputTokens()))
            .toList());
  }

  public long totalRequests() {
    return hours.stream().mapToLong(Hour::requests).sum();
  }

  public long totalErrors() {
    return hours.stream().mapToLong(Hour::errors).sum();
  }

  public long totalTokens() {
    return hours.stream().mapToLong(h -> h.inputTokens() + h.outputTokens()).sum();
  }
}
