package dev.clauderelay.gateway.domain.model.account;

/** How an account authenticates upstream. */
public enum AccountAuthType {
  /** A Claude subscription signed in with OAuth: a bearer access token, refreshed by the relay. */
  OAUTH,
  /** An Anthropic API key held as an account. */
  API_KEY
}
