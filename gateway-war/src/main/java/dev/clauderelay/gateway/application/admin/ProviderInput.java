package dev.clauderelay.gateway.application.admin;

import java.util.List;
import java.util.Map;

/**
 * An admin's description of a provider, as the API or the configuration file gives it; {@code null}
 * fields take their defaults. The API's bounds on each field are checked on its request record,
 * {@code dev.clauderelay.admin.api.ProviderRequest}.
 *
 * <p>{@code sessionAffinity}: keep each client session ({@code metadata.user_id}) on one key of the
 * pool while that key is usable, so the upstream's prompt cache stays warm; off by default.
 *
 * <p>{@code claudeAccounts}: an {@code anthropic} provider sends with the relay's Claude accounts
 * first and falls back to its own keys, if it has any; off by default.
 */
public record ProviderInput(
    String name,
    String kind,
    String baseUrl,
    String transformer,
    String strategy,
    List<String> models,
    Map<String, String> modelAliases,
    List<String> betasToDrop,
    Integer connectTimeoutMs,
    Integer firstByteTimeoutMs,
    Integer streamIdleTimeoutMs,
    Integer totalTimeoutMs,
    Boolean enabled,
    Boolean sessionAffinity,
    Boolean claudeAccounts) {}
