package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.gateway.application.AdminAuthService;
import dev.clauderelay.gateway.application.AdminSession;
import dev.clauderelay.plugin.api.ErrorType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Lets a request reach a resource method only with a live admin session, unless the method or its
 * class is marked {@link PublicAccess}. Deny by default, and decided after matching, on the method
 * the request is dispatched to: however a path is spelled (path parameters on a segment, encoded
 * letters, doubled or trailing slashes, a method override), what counts is which method would run.
 * Methods the JAX-RS runtime adds by itself (the automatic {@code OPTIONS} answer) belong to no
 * resource class of the relay, so they are closed too: an anonymous caller learns nothing of the
 * API from them.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAccessFilter implements ContainerRequestFilter {

  /** The request property holding the {@link AdminSession} for resources (audit actor). */
  public static final String SESSION_PROPERTY = "relay.admin-session";

  @Inject private AdminAuthService auth;
  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isPublic(resource.getResourceClass(), resource.getResourceMethod())) {
      return;
    }
    Optional<AdminSession> session = auth.authenticate(bearerToken(request));
    if (session.isEmpty()) {
      request.abortWith(unauthorized());
      return;
    }
    request.setProperty(SESSION_PROPERTY, session.get());
  }

  /** Whether a matched method is open without a session; unknown or foreign methods are not. */
  static boolean isPublic(Class<?> resourceClass, Method method) {
    if (resourceClass == null || method == null) {
      return false;
    }
    if (!resourceClass.getPackageName().startsWith("dev.clauderelay.gateway.")) {
      return false; // the runtime's own handlers (OPTIONS, WADL): never anonymous
    }
    return method.isAnnotationPresent(PublicAccess.class)
        || resourceClass.isAnnotationPresent(PublicAccess.class);
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

  /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
  public static String bearerToken(String header) {
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  private static String bearerToken(ContainerRequestContext request) {
    return bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
  }
}
