package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.time.Instant;

/**
 * An official Claude account the relay uses: signed in with OAuth (a subscription) or an API key;
 * its state as the relay lives by it (a rate limit runs out by itself), when its token expires and
 * when it was last refreshed. The credential is masked.
 *
 * @param sinceStart the live counters since the relay started; null until the relay has loaded the
 *     account
 */
public record ClaudeAccount(
    long id,
    String name,
    String authType,
    String status,
    String statusReason,
    String credential,
    Instant expiresAt,
    Instant lastRefreshAt,
    Instant rateLimitedUntil,
    boolean signInInProgress,
    Traffic sinceStart)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the relay sent with the account since it started, and whether a refresh is running. */
  public record Traffic(
      int inFlight,
      long requests,
      long successes,
      long failures,
      long rateLimited,
      Instant lastUsedAt,
      String lastError,
      boolean refreshing)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Successes per finished request, 0..1; null without traffic. */
    public Double successRate() {
      long finished = successes + failures;
      return finished == 0 ? null : (double) successes / finished;
    }
  }

  public boolean isOauth() {
    return "oauth".equals(authType);
  }
}
