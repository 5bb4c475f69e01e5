package dev.clauderelay.gateway.application.admin;

import java.util.List;
import java.util.Map;

/**
 * An admin's description of a provider, as the API or the configuration file gives it; {@code null}
 * fields take their defaults.
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
    Boolean enabled) {}
