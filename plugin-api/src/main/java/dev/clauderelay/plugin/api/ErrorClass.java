package dev.clauderelay.plugin.api;

/**
 * What an upstream failure means for the key pool. The pool acts on the class; the client sees the
 * Anthropic error type of the {@link ErrorClassification}.
 */
public enum ErrorClass {
  /** The key hit a rate limit: cool it down until the reset time, try another key. */
  RATE_LIMITED,
  /** The key was refused (revoked, wrong, unpaid): mark it invalid, try another key. */
  KEY_INVALID,
  /** The key's quota is used up until a reset (daily, monthly): park it, try another key. */
  QUOTA_EXHAUSTED,
  /** The upstream is overloaded for everyone: try another key or route, leave the key healthy. */
  OVERLOADED,
  /** The upstream failed (5xx, broken answer): retry elsewhere, leave the key healthy. */
  UPSTREAM_ERROR,
  /** The request itself is wrong (4xx): never retried, answered to the client as is. */
  CLIENT_ERROR;

  /** Whether the relay may send the same request again, with another key or route. */
  public boolean retryable() {
    return this != CLIENT_ERROR;
  }
}
