package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A provider an admin creates ({@code POST /api/admin/providers}, which also takes {@code keys}, a
 * list of its first keys) or changes ({@code PUT /api/admin/providers/{id}}); {@code null} fields
 * keep their current value or take their defaults. An empty {@code transformer} clears it.
 *
 * @param sessionAffinity keep each client session on one key of the pool while that key is usable,
 *     so the upstream's prompt cache stays warm; off by default
 * @param claudeAccounts an {@code anthropic} provider sends with the relay's Claude accounts first
 *     and falls back to its own keys; off by default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderRequest(
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
    Boolean claudeAccounts)
    implements Serializable {}
