package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.PresetList;
import dev.clauderelay.admin.api.PresetView;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import dev.clauderelay.plugin.api.ProviderPreset;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;

/** {@code GET /api/admin/providers/presets}: the provider templates the loaded plugins offer. */
@Path("api/admin/providers/presets")
@Produces(MediaType.APPLICATION_JSON)
public class PresetsResource {

  @Inject private PluginRegistry plugins;

  @GET
  public String presets() {
    List<PresetView> views =
        plugins.presets().values().stream()
            .sorted(Comparator.comparing(ProviderPreset::displayName))
            .map(
                p ->
                    new PresetView(
                        p.id(),
                        p.displayName(),
                        p.description(),
                        p.kind(),
                        p.baseUrl(),
                        p.transformerId(),
                        p.strategyId(),
                        p.models()))
            .toList();
    return AdminRequests.write(new PresetList(views));
  }
}
