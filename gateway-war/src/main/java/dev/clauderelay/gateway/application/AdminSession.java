package dev.clauderelay.gateway.application;

import java.time.Instant;

/**
 * A signed-in admin.
 *
 * @param token the bearer token, shown to the admin once at sign-in
 * @param username who signed in
 * @param expiresAt when the token stops working
 */
public record AdminSession(String token, String username, Instant expiresAt) {

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
