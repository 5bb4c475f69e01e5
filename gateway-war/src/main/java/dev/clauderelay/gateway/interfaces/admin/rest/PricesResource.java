package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.PriceList;
import dev.clauderelay.admin.api.PriceRequest;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.PriceAdminService;
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

/** Model prices: {@code /api/admin/prices}. Every change is audited. */
@Path("api/admin/prices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class PricesResource {

  @Inject private PriceAdminService prices;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String list() {
    return AdminRequests.write(
        new PriceList(prices.list().stream().map(AdminViews::price).toList()));
  }

  @POST
  public Response create(String body) {
    return Response.status(201)
        .entity(
            AdminRequests.write(
                AdminViews.price(
                    prices.create(AdminRequests.read(body, PriceRequest.class), actor()))))
        .build();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") long id) {
    return AdminRequests.write(AdminViews.price(prices.get(id)));
  }

  @PUT
  @Path("{id}")
  public String update(@PathParam("id") long id, String body) {
    return AdminRequests.write(
        AdminViews.price(prices.update(id, AdminRequests.read(body, PriceRequest.class), actor())));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    prices.delete(id, actor());
    return Response.noContent().build();
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
