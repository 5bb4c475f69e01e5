package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.infrastructure.plugins.LoadedExtension;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedPlugin;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
    JsonArrayBuilder plugins = Json.createArrayBuilder();
    for (LoadedPlugin plugin : registry.plugins()) {
      JsonArrayBuilder extensions = Json.createArrayBuilder();
      for (LoadedExtension extension : plugin.extensions()) {
        extensions.add(
            Json.createObjectBuilder()
                .add("point", extension.point())
                .add("id", extension.id())
                .add("description", nullToEmpty(extension.description())));
      }
      JsonObjectBuilder entry =
          Json.createObjectBuilder()
              .add("id", plugin.id())
              .add("version", nullToEmpty(plugin.version()))
              .add("provider", nullToEmpty(plugin.provider()))
              .add("description", nullToEmpty(plugin.description()))
              .add("jar", plugin.jar())
              .add("state", plugin.state())
              .add("extensions", extensions);
      plugins.add(entry);
    }
    return Json.createObjectBuilder()
        .add("pluginsDir", registry.pluginsDir().toString())
        .add("plugins", plugins)
        .build()
        .toString();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
