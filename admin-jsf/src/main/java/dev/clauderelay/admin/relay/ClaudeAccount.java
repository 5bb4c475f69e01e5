package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.time.Instant;

/**
 * An official Claude account the relay uses: signed in with OAuth (a subscription) or an API key;
 * its state, when its token expires and when it was last refreshed. The credential is masked.
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
    boolean signInInProgress)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public boolean isOauth() {
    return "oauth".equals(authType);
  }
}
