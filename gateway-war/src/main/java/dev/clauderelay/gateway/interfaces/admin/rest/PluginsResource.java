package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.PluginChange;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.PluginAdminService;
import dev.clauderelay.gateway.application.admin.PluginAdminService.PluginUse;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedPlugin;
import dev.clauderelay.gateway.interfaces.rest.ClientAddress;
import dev.clauderelay.plugin.api.PluginApi;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The plugins of the plugins folder: {@code GET /api/admin/plugins} lists them (loaded or not, and
 * why not); {@code POST} uploads a jar (the body, {@code application/java-archive} or {@code
 * application/octet-stream}); {@code POST {id}/enable}, {@code POST {id}/disable} and {@code DELETE
 * {id}} change the set at run time. Admin sessions only, as every resource not marked public.
 */
@Path("api/admin/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

  @Inject private PluginAdminService plugins;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String list() {
    return AdminRequests.write(
        new PluginCatalog(
            plugins.pluginsDir(),
            plugins.list().stream().map(PluginsResource::plugin).toList(),
            PluginApi.VERSION,
            plugins.maxUploadBytes()));
  }

  /** The server names the jar file ({@code <Plugin-Id>-<Plugin-Version>.jar}); no name is taken. */
  @POST
  @Consumes({
    "application/java-archive",
    "application/x-java-archive",
    "application/zip",
    MediaType.APPLICATION_OCTET_STREAM
  })
  public Response upload(InputStream body) {
    PluginUse installed = plugins.install(body, actor());
    return Response.status(201)
        .entity(
            AdminRequests.write(
                new PluginChange(
                    plugin(installed),
                    "Plugin '"
                        + installed.plugin().id()
                        + "' "
                        + installed.plugin().version()
                        + " is installed and started.")))
        .build();
  }

  @POST
  @Path("{id}/enable")
  public String enable(@PathParam("id") String id) {
    PluginUse enabled = plugins.enable(id, actor());
    return AdminRequests.write(
        new PluginChange(plugin(enabled), "Plugin '" + enabled.plugin().id() + "' is started."));
  }

  @POST
  @Path("{id}/disable")
  public String disable(@PathParam("id") String id, @QueryParam("force") boolean force) {
    PluginUse disabled = plugins.disable(id, force, actor());
    return AdminRequests.write(
        new PluginChange(
            plugin(disabled),
            "Plugin '"
                + disabled.plugin().id()
                + "' is disabled"
                + affected(disabled)
                + "; it stays disabled across restarts until enabled."));
  }

  @DELETE
  @Path("{id}")
  public String remove(@PathParam("id") String id, @QueryParam("force") boolean force) {
    PluginUse removed = plugins.remove(id, force, actor());
    return AdminRequests.write(
        new PluginChange(
            plugin(removed),
            "Plugin '"
                + removed.plugin().id()
                + "' is removed and "
                + removed.plugin().jar()
                + " deleted"
                + affected(removed)
                + "."));
  }

  private static String affected(PluginUse use) {
    return use.usedBy().isEmpty()
        ? ""
        : "; provider(s) " + String.join(", ", use.usedBy()) + " cannot serve until it is back";
  }

  private static PluginCatalog.Plugin plugin(PluginUse use) {
    LoadedPlugin plugin = use.plugin();
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
            .toList(),
        nullToEmpty(plugin.requires()),
        nullToEmpty(plugin.error()),
        use.usedBy());
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
