package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.account.ClaudeAccountService;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.interfaces.admin.rest.input.AccountRequest;
import dev.clauderelay.gateway.interfaces.admin.rest.input.SignInRequest;
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
import java.util.LinkedHashMap;
import java.util.Map;

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
  @Inject private RelayConfig config;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String list() {
    return AdminRequests.write(
        AdminViews.list(
            "accounts", accounts.list().stream().map(ClaudeAccountsResource::view).toList()));
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
    SignInRequest request =
        body == null || body.isBlank()
            ? new SignInRequest(null)
            : AdminRequests.read(body, SignInRequest.class);
    if (request.code() == null || request.code().isBlank()) {
      ClaudeAccountService.SignInStarted started = accounts.startSignIn(id, actor());
      Map<String, Object> answer = new LinkedHashMap<>(view(started.account()));
      answer.put("authorizeUrl", started.authorizeUrl());
      answer.put(
          "next",
          "Open authorizeUrl, sign in to Claude, then POST {\"code\": \"<code#state shown by Claude>\"} here.");
      return AdminRequests.write(answer);
    }
    return AdminRequests.write(view(accounts.completeSignIn(id, request.code(), actor())));
  }

  @POST
  @Path("{id}/refresh")
  public String refresh(@PathParam("id") long id) {
    accounts.get(id);
    boolean refreshed = accounts.refresh(id, "requested by " + actor().name());
    Map<String, Object> answer = new LinkedHashMap<>(view(accounts.get(id)));
    answer.put("refreshed", refreshed);
    return AdminRequests.write(answer);
  }

  static Map<String, Object> view(ClaudeAccount account) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", account.id());
    view.put("name", account.name());
    view.put("authType", account.authType().name().toLowerCase());
    view.put("status", account.status().name().toLowerCase());
    view.put("statusReason", account.statusReason());
    view.put("credential", account.maskedCredential());
    view.put("scopes", account.scopes());
    view.put("expiresAt", AdminViews.iso(account.expiresAt()));
    view.put("lastRefreshAt", AdminViews.iso(account.lastRefreshAt()));
    view.put("rateLimitedUntil", AdminViews.iso(account.rateLimitedUntil()));
    view.put("signInInProgress", account.oauthState() != null);
    view.put("createdAt", AdminViews.iso(account.createdAt()));
    return view;
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, config);
  }
}
