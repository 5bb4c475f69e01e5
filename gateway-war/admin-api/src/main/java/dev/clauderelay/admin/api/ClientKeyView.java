package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A key a client (Claude Code) uses to reach the relay, masked; with its limits: the models it may
 * ask for, requests per minute (null or 0: none) and an expiry (null: never); its budget (absent:
 * none) and what it spent so far against it.
 */
public record ClientKeyView(
    @JsonProperty(required = true) long id,
    String name,
    String key,
    boolean enabled,
    List<String> models,
    Integer rpmLimit,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) ClientKeyBudget budget,
    @JsonInclude(JsonInclude.Include.NON_NULL) ClientKeySpend spend)
    implements Serializable {

  /** The models as one comma-separated line. */
  public String modelsText() {
    return models == null ? "" : String.join(", ", models);
  }
}
