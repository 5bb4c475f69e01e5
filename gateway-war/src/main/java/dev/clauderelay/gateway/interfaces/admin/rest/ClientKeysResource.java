package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.ClientKeyList;
import dev.clauderelay.admin.api.ClientKeyRequest;
import dev.clauderelay.admin.api.ClientKeyView;
import dev.clauderelay.admin.api.IssuedClientKey;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.ClientKeyAdminService;
import dev.clauderelay.gateway.application.admin.ClientKeyInput;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.budget.Budgets;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKey;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Client keys: {@code /api/admin/client-keys}. A created key is shown in that answer only. */
@Path("api/admin/client-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ClientKeysResource {

  @Inject private ClientKeyAdminService keys;
  @Inject private Budgets budgets;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String list() {
    return AdminRequests.write(
        new ClientKeyList(keys.list().stream().map(this::withSpend).toList()));
  }

  @POST
  public Response create(String body) {
    ClientKeyAdminService.IssuedKey issued = keys.create(input(body), actor());
    return Response.status(201)
        .entity(
            AdminRequests.write(
                new IssuedClientKey(AdminViews.clientKey(issued.key(), issued.clearKey()), true)))
        .header("Cache-Control", "no-store")
        .build();
  }

  @PUT
  @Path("{id}")
  public String update(@PathParam("id") long id, String body) {
    return AdminRequests.write(withSpend(keys.update(id, input(body), actor())));
  }

  /** One key with its budget and what it spent so far against it (live). */
  @GET
  @Path("{id}")
  public String get(@PathParam("id") long id) {
    return AdminRequests.write(withSpend(keys.get(id)));
  }

  private ClientKeyView withSpend(ClientKey key) {
    long now = budgets.now();
    return AdminViews.clientKey(key, budgets.guard().store().spend(key.id(), now), now);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    keys.delete(id, actor());
    return Response.noContent().build();
  }

  /** The request as the service takes it; {@code expiresAt} an ISO-8601 instant, empty for none. */
  private static ClientKeyInput input(String body) {
    ClientKeyRequest request = AdminRequests.read(body, ClientKeyRequest.class);
    Instant expiry = null;
    String expiresAt = request.expiresAt();
    if (expiresAt != null && !expiresAt.isBlank()) {
      try {
        expiry = Instant.parse(expiresAt.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "expiresAt", "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
      }
    }
    return new ClientKeyInput(
        request.name(),
        null,
        request.models(),
        request.rpmLimit(),
        expiry,
        request.enabled(),
        request.budget());
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
