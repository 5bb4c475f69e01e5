package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provider as {@code /api/admin/providers} shows it: its settings and, once the relay has loaded
 * it, whether it can serve now and how many keys its pool holds.
 *
 * @param transformer the transformer plugin's id; null for {@code anthropic} providers
 * @param sessionAffinity each Claude Code session stays on one key while it is usable
 * @param claudeAccounts an anthropic provider sends with the Claude accounts first, then its keys
 * @param state null (and its fields absent) until the relay has loaded the provider
 */
public record ProviderView(
    @JsonProperty(required = true) long id,
    @JsonProperty(required = true) String name,
    String kind,
    String baseUrl,
    String transformer,
    String strategy,
    List<String> models,
    Map<String, String> modelAliases,
    List<String> betasToDrop,
    int connectTimeoutMs,
    int firstByteTimeoutMs,
    int streamIdleTimeoutMs,
    int totalTimeoutMs,
    boolean enabled,
    boolean sessionAffinity,
    boolean claudeAccounts,
    @JsonUnwrapped State state,
    Instant createdAt,
    Instant updatedAt)
    implements Serializable {

  /**
   * What the relay makes of the provider now.
   *
   * @param unavailableReason why it cannot serve (disabled, a plugin not loaded), null when it can
   * @param keys the keys in its pool
   * @param usableKeys those the relay may send with now
   */
  public record State(boolean available, String unavailableReason, int keys, int usableKeys)
      implements Serializable {}

  /** The models as one comma-separated line, as the edit form shows them. */
  public String modelsText() {
    return models == null ? "" : String.join(", ", models);
  }
}
