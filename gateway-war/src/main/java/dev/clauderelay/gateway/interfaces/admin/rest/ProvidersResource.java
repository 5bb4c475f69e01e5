package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.KeyRequest;
import dev.clauderelay.admin.api.ProviderKeyList;
import dev.clauderelay.admin.api.ProviderList;
import dev.clauderelay.admin.api.ProviderRequest;
import dev.clauderelay.gateway.application.admin.ProviderAdminService;
import dev.clauderelay.gateway.application.admin.ProviderInput;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
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
import java.util.ArrayList;
import java.util.List;

/** Providers: {@code /api/admin/providers} and their keys. */
@Path("api/admin/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ProvidersResource {

  @Inject private ProviderAdminService providers;
  @Inject private TopologyService topology;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String list() {
    return AdminRequests.write(
        new ProviderList(
            providers.list().stream().map(p -> AdminViews.provider(p, runtime(p))).toList()));
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") long id) {
    Provider provider = providers.get(id);
    return AdminRequests.write(AdminViews.provider(provider, runtime(provider)));
  }

  /** The provider's fields, plus optionally {@code keys}: its first keys, as in the config file. */
  @POST
  public Response create(String body) {
    List<String> keys = new ArrayList<>();
    String settings = AdminRequests.withoutKeys(body, keys);
    Provider provider = providers.create(settings(settings), keys, actor());
    return Response.status(201)
        .entity(AdminRequests.write(AdminViews.provider(provider, runtime(provider))))
        .build();
  }

  @PUT
  @Path("{id}")
  public String update(@PathParam("id") long id, String body) {
    Provider provider = providers.update(id, settings(body), actor());
    return AdminRequests.write(AdminViews.provider(provider, runtime(provider)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    providers.delete(id, actor());
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/keys")
  public String keys(@PathParam("id") long id) {
    return AdminRequests.write(
        new ProviderKeyList(
            providers.keys(id).stream()
                .map(k -> AdminViews.key(k, topology.pools().key(k.id())))
                .toList()));
  }

  @POST
  @Path("{id}/keys")
  public Response addKey(@PathParam("id") long id, String body) {
    KeyRequest request = AdminRequests.read(body, KeyRequest.class);
    ProviderKey key =
        providers.addKey(id, request.key(), request.label(), request.weight(), actor());
    return Response.status(201)
        .entity(AdminRequests.write(AdminViews.key(key, topology.pools().key(key.id()))))
        .build();
  }

  private static ProviderInput settings(String body) {
    ProviderRequest request = AdminRequests.read(body, ProviderRequest.class);
    return new ProviderInput(
        request.name(),
        request.kind(),
        request.baseUrl(),
        request.transformer(),
        request.strategy(),
        request.models(),
        request.modelAliases(),
        request.betasToDrop(),
        request.connectTimeoutMs(),
        request.firstByteTimeoutMs(),
        request.streamIdleTimeoutMs(),
        request.totalTimeoutMs(),
        request.enabled(),
        request.sessionAffinity(),
        request.claudeAccounts());
  }

  private ProviderRuntime runtime(Provider provider) {
    return topology.current().providersById().get(provider.id());
  }

  private dev.clauderelay.gateway.application.admin.AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
