package dev.clauderelay.gateway.domain.model.account;

/** Where an account stands. */
public enum AccountStatus {
  /** Created; OAuth not completed yet. */
  PENDING,
  /** Usable. */
  ACTIVE,
  /** Rate limited until {@code rateLimitedUntil}. */
  RATE_LIMITED,
  /** The token expired and could not be refreshed; the reason says why. */
  EXPIRED,
  /** The upstream refused the account, or a refresh failed for another reason. */
  ERROR
}
