package dev.clauderelay.gateway.domain.model.provider;

import java.util.List;
import java.util.Map;

/**
 * What an admin decides about a provider.
 *
 * @param transformerId the transformer plugin; {@code null} for the kind's default (none for {@code
 *     anthropic}, which passes bytes through)
 * @param models the upstream models the provider offers, as the admin lists them
 * @param modelAliases names clients may request, mapped to upstream models
 * @param betasToDrop {@code anthropic-beta} values this upstream rejects
 * @param sessionAffinity whether a client session's requests stay on one key while it is usable,
 *     keeping the upstream's prompt cache warm
 * @param claudeAccounts whether an {@code anthropic} provider sends with the relay's Claude
 *     accounts (OAuth subscription or API key accounts) before its own keys
 * @param streamIdleTimeoutMs the longest silence of an upstream while its answer's body is read,
 *     stream or not
 * @param totalTimeoutMs the longest a request may take from its arrival to its last byte, attempts
 *     and stream included
 */
public record ProviderSettings(
    String name,
    ProviderKind kind,
    String baseUrl,
    String transformerId,
    String strategyId,
    List<String> models,
    Map<String, String> modelAliases,
    List<String> betasToDrop,
    int connectTimeoutMs,
    int firstByteTimeoutMs,
    int streamIdleTimeoutMs,
    int totalTimeoutMs,
    boolean enabled,
    boolean sessionAffinity,
    boolean claudeAccounts) {

  /**
   * The total bound unless an admin sets one: an hour, because a long answer streamed at a slow
   * upstream's pace (64k output tokens at 20 tokens a second is 53 minutes) must not be cut, while
   * a stream that trickles forever must still end.
   */
  public static final int DEFAULT_TOTAL_TIMEOUT_MS = 3_600_000;
}
