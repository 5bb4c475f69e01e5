package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;

/**
 * What the pools tell the rest of the relay about changes other relays of a cluster must see: a key
 * put to rest or found invalid by traffic or a probe, a key resting for one model, a session bound
 * to a key or account. Called on the request path: implementations hand the news over and return.
 */
public interface PoolEvents {

  PoolEvents NONE = new PoolEvents() {};

  /** The key's status changed through traffic or a probe; its state is read from {@code key}. */
  default void keyStatusChanged(KeyHealth key) {}

  /** The key rests for one model until {@code untilMillis}. */
  default void keyModelRested(
      long keyId, String model, KeyStatus status, long untilMillis, String reason) {}

  /**
   * A session now uses another key or account.
   *
   * @param scope {@code p<providerId>} for a provider's pool, {@code accounts} for Claude accounts
   */
  default void sessionBound(String scope, String session, long credentialId) {}
}
