package dev.clauderelay.gateway.interfaces.intake;

import dev.clauderelay.gateway.application.AdminAuthService;
import dev.clauderelay.gateway.application.relay.RequestIds;
import dev.clauderelay.gateway.interfaces.rest.AdminAccessFilter;
import dev.clauderelay.intake.BodyFirstFilter;
import dev.clauderelay.intake.BodyIntake;
import dev.clauderelay.intake.BodyRules;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the body of every gateway request but {@code /v1/messages} (whose servlet reads its own)
 * before it reaches its servlet. Without an admin session a body may be {@value
 * RequestBodies#ANONYMOUS_MAX_BYTES} bytes (a sign-in); with one, the admin limit. Which servlet a
 * request goes to is the container's own mapping. Mapped in {@code web.xml}.
 */
public class RequestBodyFilter extends BodyFirstFilter {

  private static final long serialVersionUID = 1L;

  /** The servlet that reads its own body. */
  public static final String SELF_READING_SERVLET = "messages";

  @Inject private transient RequestBodies bodies;
  @Inject private transient AdminAuthService auth;

  @Override
  protected BodyIntake intake() {
    return bodies.intake();
  }

  @Override
  protected BodyRules rulesFor(HttpServletRequest request) {
    if (SELF_READING_SERVLET.equals(request.getHttpServletMapping().getServletName())) {
      return null;
    }
    String token = AdminAccessFilter.bearerToken(request.getHeader("Authorization"));
    return bodies.adminRules(token != null && auth.authenticate(token).isPresent());
  }

  @Override
  protected String requestId(HttpServletRequest request) {
    return RequestIds.requestId();
  }
}
