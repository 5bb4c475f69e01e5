package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.ModelCatalog;
import dev.clauderelay.admin.api.ModelSelectionRequest;
import dev.clauderelay.admin.api.RouteList;
import dev.clauderelay.admin.api.RouteRequest;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.ProviderAdminService;
import dev.clauderelay.gateway.application.admin.RouteAdminService;
import dev.clauderelay.gateway.application.admin.RouteInput;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.route.Route;
import dev.clauderelay.gateway.domain.model.route.RouteTarget;
import dev.clauderelay.gateway.interfaces.rest.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Routing: {@code /api/admin/routes}, and the seed's model selection ({@code GET
 * /api/admin/models}, {@code POST /api/admin/select-model}).
 */
@Path("api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class RoutesResource {

  @Inject private RouteAdminService routes;
  @Inject private ProviderAdminService providers;
  @Inject private TopologyService topology;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  @Path("routes")
  public String list() {
    Map<Long, String> names = providerNames();
    return AdminRequests.write(
        new RouteList(routes.list().stream().map(r -> AdminViews.route(r, names)).toList()));
  }

  @POST
  @Path("routes")
  public Response create(String body) {
    Route route = routes.create(route(body), actor());
    return Response.status(201)
        .entity(AdminRequests.write(AdminViews.route(route, providerNames())))
        .build();
  }

  @PUT
  @Path("routes/{id}")
  public String update(@PathParam("id") long id, String body) {
    return AdminRequests.write(
        AdminViews.route(routes.update(id, route(body), actor()), providerNames()));
  }

  @DELETE
  @Path("routes/{id}")
  public Response delete(@PathParam("id") long id) {
    routes.delete(id, actor());
    return Response.noContent().build();
  }

  /** Every provider's models and aliases, and the current default target. */
  @GET
  @Path("models")
  public String models() {
    List<ModelCatalog.ProviderModels> byProvider =
        providers.list().stream()
            .map(
                p ->
                    new ModelCatalog.ProviderModels(
                        p.name(),
                        p.kind().wireName(),
                        p.settings().models(),
                        p.settings().modelAliases(),
                        p.settings().enabled()))
            .toList();
    return AdminRequests.write(
        new ModelCatalog(
            byProvider,
            routes.defaultRoute().map(r -> AdminViews.route(r, providerNames())).orElse(null),
            topology.current().advertisedModels()));
  }

  @POST
  @Path("select-model")
  public String select(String body) {
    ModelSelectionRequest selection = AdminRequests.read(body, ModelSelectionRequest.class);
    Route route = routes.selectDefault(selection.provider(), selection.model(), actor());
    return AdminRequests.write(AdminViews.route(route, providerNames()));
  }

  private static RouteInput route(String body) {
    RouteRequest request = AdminRequests.read(body, RouteRequest.class);
    return new RouteInput(
        request.scenario(),
        request.match(),
        request.provider(),
        request.model(),
        request.fallbacks() == null
            ? null
            : request.fallbacks().stream()
                .map(t -> t == null ? null : new RouteTarget(t.provider(), t.model()))
                .toList(),
        request.threshold(),
        request.position(),
        request.enabled());
  }

  private Map<Long, String> providerNames() {
    return providers.list().stream().collect(Collectors.toMap(Provider::id, Provider::name));
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
