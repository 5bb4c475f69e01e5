package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.account.AccountHealth;
import dev.clauderelay.gateway.application.account.ClaudeAccountService;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.domain.model.account.AccountStatus;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.interfaces.admin.rest.input.AccountRequest;
import dev.clauderelay.gateway.interfaces.admin.rest.input.SignInRequest;
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
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
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
  @Inject private TopologyService topology;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String list() {
    return AdminRequests.write(
        AdminViews.list("accounts", accounts.list().stream().map(this::view).toList()));
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

  private Map<String, Object> view(ClaudeAccount account) {
    return view(account, topology.accounts().member(account.id()), System.currentTimeMillis());
  }

  /**
   * An account as admins see it: the stored fields, with the status and limits the relay lives by
   * (a rate limit runs out by itself; the database keeps the last one seen) and live counters.
   *
   * @param live the account's run-time state, {@code null} until the relay has loaded it
   */
  static Map<String, Object> view(ClaudeAccount account, AccountHealth live, long nowMillis) {
    AccountStatus status = live != null ? live.status(nowMillis) : effective(account, nowMillis);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", account.id());
    view.put("name", account.name());
    view.put("authType", account.authType().name().toLowerCase(Locale.ROOT));
    view.put("status", status.name().toLowerCase(Locale.ROOT));
    view.put(
        "statusReason",
        live != null
            ? live.statusReason(nowMillis)
            : status == AccountStatus.ACTIVE ? null : account.statusReason());
    view.put("credential", account.maskedCredential());
    view.put("scopes", account.scopes());
    view.put("expiresAt", AdminViews.iso(account.expiresAt()));
    view.put("lastRefreshAt", AdminViews.iso(account.lastRefreshAt()));
    view.put(
        "rateLimitedUntil",
        status == AccountStatus.RATE_LIMITED
            ? live != null
                ? KeyPoolViews.instant(live.limitedUntilMillis())
                : AdminViews.iso(account.rateLimitedUntil())
            : null);
    view.put(
        "lastLimitedAt",
        live != null && live.lastLimitedMillis() > 0
            ? KeyPoolViews.instant(live.lastLimitedMillis())
            : AdminViews.iso(account.lastLimitedAt()));
    view.put("signInInProgress", account.oauthState() != null);
    view.put("createdAt", AdminViews.iso(account.createdAt()));
    if (live != null) {
      Map<String, Object> counters = new LinkedHashMap<>();
      counters.put("inFlight", live.inFlight());
      counters.put("requests", live.requests());
      counters.put("successes", live.successes());
      counters.put("failures", live.failures());
      counters.put("rateLimited", live.rateLimitedCount());
      counters.put("lastUsedAt", KeyPoolViews.instant(live.lastUsedMillis()));
      counters.put("lastError", live.lastError());
      counters.put("lastErrorAt", KeyPoolViews.instant(live.lastErrorMillis()));
      counters.put("refreshing", live.refreshInProgress());
      view.put("sinceStart", counters);
    }
    return view;
  }

  private static AccountStatus effective(ClaudeAccount account, long nowMillis) {
    if (account.status() == AccountStatus.RATE_LIMITED
        && (account.rateLimitedUntil() == null
            || account.rateLimitedUntil().toInstant(ZoneOffset.UTC).toEpochMilli() <= nowMillis)) {
      return AccountStatus.ACTIVE;
    }
    return account.status();
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
