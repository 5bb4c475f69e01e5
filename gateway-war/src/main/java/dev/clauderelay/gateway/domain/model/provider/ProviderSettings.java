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
    boolean enabled,
    boolean sessionAffinity,
    boolean claudeAccounts) {}
