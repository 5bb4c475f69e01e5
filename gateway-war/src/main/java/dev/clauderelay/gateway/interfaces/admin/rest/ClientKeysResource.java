package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.ClientKeyAdminService;
import dev.clauderelay.gateway.interfaces.admin.rest.input.ClientKeyRequest;
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
import java.util.Map;

/** Client keys: {@code /api/admin/client-keys}. A created key is shown in that answer only. */
@Path("api/admin/client-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ClientKeysResource {

  @Inject private ClientKeyAdminService keys;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String list() {
    return AdminRequests.write(
        AdminViews.list("clientKeys", keys.list().stream().map(AdminViews::clientKey).toList()));
  }

  @POST
  public Response create(String body) {
    ClientKeyAdminService.IssuedKey issued =
        keys.create(AdminRequests.read(body, ClientKeyRequest.class).toInput(), actor());
    Map<String, Object> view = new java.util.LinkedHashMap<>(AdminViews.clientKey(issued.key()));
    view.put("key", issued.clearKey());
    view.put("keyShownOnce", true);
    return Response.status(201)
        .entity(AdminRequests.write(view))
        .header("Cache-Control", "no-store")
        .build();
  }

  @PUT
  @Path("{id}")
  public String update(@PathParam("id") long id, String body) {
    return AdminRequests.write(
        AdminViews.clientKey(
            keys.update(id, AdminRequests.read(body, ClientKeyRequest.class).toInput(), actor())));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    keys.delete(id, actor());
    return Response.noContent().build();
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
