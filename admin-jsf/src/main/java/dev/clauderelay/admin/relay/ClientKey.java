package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A key a client (Claude Code) uses to reach the relay, masked; with its limits: the models it may
 * ask for, requests per minute (0: none) and an expiry (null: never).
 */
public record ClientKey(
    long id,
    String name,
    String maskedKey,
    boolean enabled,
    List<String> models,
    int rpmLimit,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant createdAt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ClientKey {
    models = List.copyOf(models);
  }

  public String modelsText() {
    return String.join(", ", models);
  }
}
