package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.AdminSignIn;
import dev.clauderelay.admin.api.AdminToken;
import dev.clauderelay.gateway.application.AdminAuthService;
import dev.clauderelay.gateway.application.AdminAuthService.LoginRefusedException;
import dev.clauderelay.gateway.application.AdminSession;
import dev.clauderelay.gateway.interfaces.rest.AdminAccessFilter;
import dev.clauderelay.gateway.interfaces.rest.ClientAddress;
import dev.clauderelay.gateway.interfaces.rest.ErrorResponses;
import dev.clauderelay.gateway.interfaces.rest.JsonBodies;
import dev.clauderelay.gateway.interfaces.rest.PublicAccess;
import dev.clauderelay.plugin.api.ErrorType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Admin sign-in ({@code POST}), the current session ({@code GET}) and sign-out ({@code DELETE}).
 */
@Path("api/admin/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject private AdminAuthService auth;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;

  @POST
  @PublicAccess("signing in is how a session starts")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response signIn(String body) {
    AdminSignIn credentials = credentials(body);
    try {
      AdminSession session =
          auth.login(credentials.username(), credentials.password(), addresses.of(servletRequest));
      return Response.ok(
              AdminRequests.write(
                  new AdminToken(session.username(), session.expiresAt(), session.token())))
          .header("Cache-Control", "no-store")
          .build();
    } catch (LoginRefusedException refused) {
      if (refused.retryAfter() != null) {
        return Response.fromResponse(ErrorResponses.of(ErrorType.RATE_LIMIT, refused.getMessage()))
            .header("Retry-After", Math.max(1, refused.retryAfter().toSeconds()))
            .build();
      }
      return ErrorResponses.of(ErrorType.AUTHENTICATION, refused.getMessage());
    }
  }

  @GET
  public String current(@Context ContainerRequestContext request) {
    AdminSession session = session(request);
    return AdminRequests.write(new AdminToken(session.username(), session.expiresAt(), null));
  }

  @DELETE
  public Response signOut(@Context ContainerRequestContext request) {
    auth.logout(session(request).token());
    return Response.noContent().build();
  }

  private static AdminSession session(ContainerRequestContext request) {
    return (AdminSession) request.getProperty(AdminAccessFilter.SESSION_PROPERTY);
  }

  /**
   * The sign-in body, read by {@link JsonBodies}: a person types these fields, so a missing or
   * blank one is named in plain words rather than by the mapper.
   */
  private static AdminSignIn credentials(String body) {
    JsonObject credentials = JsonBodies.object(body);
    return new AdminSignIn(
        JsonBodies.requiredString(credentials, "username"),
        JsonBodies.requiredString(credentials, "password"));
  }
}
