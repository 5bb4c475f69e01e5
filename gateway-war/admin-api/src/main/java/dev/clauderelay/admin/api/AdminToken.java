package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.Instant;

/**
 * An admin session: who, until when, and (in the sign-in answer only) the bearer token for later
 * calls; {@code GET /api/admin/auth} answers it without the token.
 */
public record AdminToken(
    String username,
    @JsonProperty(required = true) Instant expiresAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String token)
    implements Serializable {

  @Override
  public String toString() {
    return "AdminToken[username=" + username + ", expiresAt=" + expiresAt + "]"; // no token in logs
  }
}
