package dev.clauderelay.gateway.application.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * An admin's description of a provider, as the API or the configuration file gives it; {@code null}
 * fields take their defaults.
 *
 * <p>{@code sessionAffinity}: keep each client session ({@code metadata.user_id}) on one key of the
 * pool while that key is usable, so the upstream's prompt cache stays warm; off by default.
 *
 * <p>{@code claudeAccounts}: an {@code anthropic} provider sends with the relay's Claude accounts
 * first and falls back to its own keys, if it has any; off by default.
 */
public record ProviderInput(
    @Size(max = 100) String name,
    @Size(max = 32) String kind,
    @Size(max = 1000) String baseUrl,
    @Size(max = 100) String transformer,
    @Size(max = 100) String strategy,
    @Size(max = 500) List<String> models,
    @Size(max = 500) Map<String, String> modelAliases,
    @Size(max = 100) List<String> betasToDrop,
    @Min(100) @Max(3_600_000) Integer connectTimeoutMs,
    @Min(100) @Max(3_600_000) Integer firstByteTimeoutMs,
    @Min(100) @Max(3_600_000) Integer streamIdleTimeoutMs,
    @Min(100) @Max(86_400_000) Integer totalTimeoutMs,
    Boolean enabled,
    Boolean sessionAffinity,
    Boolean claudeAccounts) {}
