package dev.clauderelay.admin.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every console answer carries: no framing (clickjacking), no referrer (console URLs leak
 * nothing to other sites), no content sniffing; pages are never stored by the browser or a proxy,
 * while static resources keep the caching Faces gives them. The Content-Security-Policy with script
 * nonces is PrimeFaces' ({@code primefaces.CSP}).
 */
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    String path = ConsoleGuard.pathInside(request);
    if (!AccessRule.isResource(path)) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
