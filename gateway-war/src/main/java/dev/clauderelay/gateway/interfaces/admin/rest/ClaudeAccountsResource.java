package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.AccountList;
import dev.clauderelay.admin.api.AccountRefreshed;
import dev.clauderelay.admin.api.AccountRequest;
import dev.clauderelay.admin.api.AccountSignInRequest;
import dev.clauderelay.admin.api.AccountSignInStarted;
import dev.clauderelay.admin.api.ClaudeAccountView;
import dev.clauderelay.gateway.application.account.ClaudeAccountService;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.interfaces.rest.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Claude accounts: {@code /api/admin/claude-accounts}. {@code POST /{id}/auth} without a code
 * starts the OAuth sign-in and answers the authorize URL; with {@code {"code": "code#state"}} it
 * completes it.
 */
@Path("api/admin/claude-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ClaudeAccountsResource {

  @Inject private ClaudeAccountService accounts;
  @Inject private TopologyService topology;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String list() {
    return AdminRequests.write(new AccountList(accounts.list().stream().map(this::view).toList()));
  }

  @POST
  public Response create(String body) {
    AccountRequest request = AdminRequests.read(body, AccountRequest.class);
    ClaudeAccount account =
        accounts.create(request.name(), request.authType(), request.apiKey(), actor());
    return Response.status(201).entity(AdminRequests.write(view(account))).build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    accounts.delete(id, actor());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/auth")
  public String signIn(@PathParam("id") long id, String body) {
    AccountSignInRequest request =
        body == null || body.isBlank()
            ? new AccountSignInRequest(null)
            : AdminRequests.read(body, AccountSignInRequest.class);
    if (request.code() == null || request.code().isBlank()) {
      ClaudeAccountService.SignInStarted started = accounts.startSignIn(id, actor());
      return AdminRequests.write(
          new AccountSignInStarted(
              view(started.account()),
              started.authorizeUrl(),
              "Open authorizeUrl, sign in to Claude, then POST {\"code\": \"<code#state shown by Claude>\"} here."));
    }
    return AdminRequests.write(view(accounts.completeSignIn(id, request.code(), actor())));
  }

  @POST
  @Path("{id}/refresh")
  public String refresh(@PathParam("id") long id) {
    accounts.get(id);
    boolean refreshed = accounts.refresh(id, "requested by " + actor().name());
    return AdminRequests.write(new AccountRefreshed(view(accounts.get(id)), refreshed));
  }

  private ClaudeAccountView view(ClaudeAccount account) {
    return AdminViews.account(
        account, topology.accounts().member(account.id()), System.currentTimeMillis());
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
