package dev.clauderelay.gateway.application.routing;

import dev.clauderelay.gateway.application.topology.ProviderRuntime;

/**
 * One place a request may go: a provider and the upstream model ({@code null}: the requested
 * model's own name).
 */
public record RouteTarget(ProviderRuntime provider, String model) {

  public String upstreamModel(String requestedModel) {
    return model != null ? model : requestedModel;
  }
}
