package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.time.Instant;

/** A successful admin sign-in: who, until when, and the bearer token for later calls. */
public record AdminToken(String username, Instant expiresAt, String token) implements Serializable {

  private static final long serialVersionUID = 1L;

  @Override
  public String toString() {
    return "AdminToken[username=" + username + ", expiresAt=" + expiresAt + "]"; // no token in logs
  }
}
