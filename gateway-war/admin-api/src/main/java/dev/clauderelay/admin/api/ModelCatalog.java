package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/models}: every provider's models and aliases, the default route requests go
 * to when no rule matches ({@code null} without one), and the models {@code GET /v1/models} lists.
 */
public record ModelCatalog(
    List<ProviderModels> providers, RouteView selected, List<String> advertised)
    implements Serializable {

  /** The models one provider offers. */
  public record ProviderModels(
      String provider,
      String kind,
      List<String> models,
      Map<String, String> aliases,
      boolean enabled)
      implements Serializable {}
}
