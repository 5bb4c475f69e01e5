package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.Instant;

/**
 * An official Claude account the relay uses, signed in with OAuth (a subscription) or an API key:
 * its state as the relay lives by it (a rate limit runs out by itself), its token's expiry and last
 * refresh. The credential is masked.
 *
 * @param authType {@code oauth} or {@code api_key}
 * @param rateLimitedUntil only while the account is rate-limited
 * @param sinceStart the live counters since the relay started; absent until the relay has loaded
 *     the account
 * @param usageWindows the subscription's usage windows as Anthropic last reported them; absent
 *     until an answer carried them
 */
public record ClaudeAccountView(
    @JsonProperty(required = true) long id,
    String name,
    String authType,
    String status,
    String statusReason,
    String credential,
    String scopes,
    Instant expiresAt,
    Instant lastRefreshAt,
    Instant rateLimitedUntil,
    Instant lastLimitedAt,
    boolean signInInProgress,
    Instant createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Traffic sinceStart,
    @JsonInclude(JsonInclude.Include.NON_NULL) UsageWindowsView usageWindows)
    implements Serializable {

  /** What the relay sent with the account since it started, and whether a refresh is running. */
  public record Traffic(
      int inFlight,
      long requests,
      long successes,
      long failures,
      long rateLimited,
      Instant lastUsedAt,
      String lastError,
      Instant lastErrorAt,
      boolean refreshing)
      implements Serializable {

    /** Successes per finished request, 0..1; null without traffic. */
    public Double successRate() {
      long finished = successes + failures;
      return finished == 0 ? null : (double) successes / finished;
    }
  }
}
