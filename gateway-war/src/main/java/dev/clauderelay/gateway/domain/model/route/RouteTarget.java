package dev.clauderelay.gateway.domain.model.route;

/**
 * Where a request goes: a provider (by name) and the upstream model, {@code null} to keep the
 * requested model's name.
 */
public record RouteTarget(String provider, String model) {}
