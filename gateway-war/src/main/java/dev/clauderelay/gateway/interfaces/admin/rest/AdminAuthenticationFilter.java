package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.AdminAuthService;
import dev.clauderelay.gateway.application.AdminSession;
import dev.clauderelay.gateway.interfaces.rest.ErrorResponses;
import dev.clauderelay.plugin.api.ErrorType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Lets through {@code /api/admin/*} only requests bearing a live admin token, except signing in.
 * Pre-matching, so an unknown admin path answers 401 too and reveals nothing.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthenticationFilter implements ContainerRequestFilter {

  /** The request property holding the {@link AdminSession} for resources (audit actor). */
  public static final String SESSION_PROPERTY = "relay.admin-session";

  private static final String ADMIN_PREFIX = "api/admin";
  private static final String SIGN_IN_PATH = "api/admin/auth";

  @Inject private AdminAuthService auth;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (!(path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/"))) {
      return;
    }
    if (path.equals(SIGN_IN_PATH) && HttpMethod.POST.equals(request.getMethod())) {
      return;
    }
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      return; // CORS preflight carries no credentials; the CORS filter decides.
    }
    Optional<AdminSession> session = auth.authenticate(bearerToken(request));
    if (session.isEmpty()) {
      request.abortWith(unauthorized());
      return;
    }
    request.setProperty(SESSION_PROPERTY, session.get());
  }

  private static Response unauthorized() {
    Response base =
        ErrorResponses.of(
            ErrorType.AUTHENTICATION,
            "Sign in first: POST /api/admin/auth with your admin username and password, then send"
                + " the token as 'Authorization: Bearer <token>'. Tokens expire.");
    return Response.fromResponse(base)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"claude-relay-admin\"")
        .build();
  }

  static String bearerToken(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }
}
