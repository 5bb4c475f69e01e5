package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import dev.clauderelay.plugin.api.ProviderPreset;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/admin/providers/presets}: the provider templates the loaded plugins offer. */
@Path("api/admin/providers/presets")
@Produces(MediaType.APPLICATION_JSON)
public class PresetsResource {

  @Inject private PluginRegistry plugins;

  @GET
  public String presets() {
    List<Map<String, Object>> views =
        plugins.presets().values().stream()
            .sorted(Comparator.comparing(ProviderPreset::displayName))
            .map(
                p -> {
                  Map<String, Object> view = new LinkedHashMap<>();
                  view.put("id", p.id());
                  view.put("name", p.displayName());
                  view.put("description", p.description());
                  view.put("kind", p.kind());
                  view.put("baseUrl", p.baseUrl());
                  view.put("transformer", p.transformerId());
                  view.put("strategy", p.strategyId());
                  view.put("models", p.models());
                  return view;
                })
            .toList();
    return AdminRequests.write(AdminViews.list("presets", views));
  }
}
