package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A Claude subscription's usage windows as Anthropic last reported them ({@code
 * anthropic-ratelimit-unified-*} headers): each window's utilisation (0..1) and reset, the overall
 * status ({@code allowed}, {@code allowed_warning}, {@code rejected}), the claim that limits the
 * account now, and when this was reported.
 */
public record UsageWindowsView(
    String status,
    String representativeClaim,
    Double fallbackPercentage,
    Instant resetsAt,
    List<Window> windows,
    Instant reportedAt)
    implements Serializable {

  /** One window ({@code 5h}, {@code 7d}, {@code 7d_opus}, ...). */
  public record Window(String name, double utilization, Instant resetsAt, String status)
      implements Serializable {

    /** Utilisation as a whole percentage, for the console. */
    public int percent() {
      return (int) Math.round(utilization * 100);
    }
  }
}
