package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Cross-origin rules. {@code /v1/*} is open to any origin, as browser-based Anthropic clients
 * (which send {@code anthropic-dangerous-direct-browser-access}) expect; client keys still apply.
 * Everything else (the admin API above all) is closed to other origins, except the one {@code
 * RELAY_ADMIN_CORS_ORIGIN} names. Mapped to every request in {@code web.xml}, first of the filters.
 */
public class CorsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject private transient RelayConfig config;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    boolean clientApi = isClientApi(request);
    boolean allowed =
        origin != null && (clientApi || adminOrigin().map(origin::equalsIgnoreCase).orElse(false));
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", clientApi ? "*" : origin);
      response.setHeader(
          "Access-Control-Expose-Headers", "request-id, retry-after, x-relay-degraded");
      if (!clientApi) {
        response.setHeader("Vary", "Origin");
      }
    }
    if (preflight) {
      if (allowed) {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested != null) {
          response.setHeader("Access-Control-Allow-Headers", requested);
        }
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      } else {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      }
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the request goes to the client API, on the path the container dispatches on (decoded,
   * path parameters removed), not the raw one: {@code /v1;x/../api/admin} is not the client API.
   */
  static boolean isClientApi(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.startsWith("/v1/");
  }

  private Optional<String> adminOrigin() {
    return config.optional("RELAY_ADMIN_CORS_ORIGIN");
  }
}
