package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Requests, tokens and errors hour by hour, oldest first, every hour present. */
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
