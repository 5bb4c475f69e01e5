package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedPlugin;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The plugins loaded at startup and the extensions each contributes. */
@Path("api/admin/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

  @Inject private PluginRegistry registry;

  @GET
  public String list() {
    return AdminRequests.write(
        new PluginCatalog(
            registry.pluginsDir().toString(),
            registry.plugins().stream().map(PluginsResource::plugin).toList()));
  }

  private static PluginCatalog.Plugin plugin(LoadedPlugin plugin) {
    return new PluginCatalog.Plugin(
        plugin.id(),
        nullToEmpty(plugin.version()),
        nullToEmpty(plugin.provider()),
        nullToEmpty(plugin.description()),
        plugin.jar(),
        plugin.state(),
        plugin.extensions().stream()
            .map(
                extension ->
                    new PluginCatalog.Extension(
                        extension.point(), extension.id(), nullToEmpty(extension.description())))
            .toList());
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
