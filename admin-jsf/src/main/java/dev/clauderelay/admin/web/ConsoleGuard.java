package dev.clauderelay.admin.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps every page but sign-in behind a signed-in admin ({@link AccessRule}). An Ajax request gets
 * its redirect as a Faces partial response, which the page follows; a plain 302 would be lost.
 * Mapped in {@code web.xml}, after {@link SecurityHeaders}.
 */
public class ConsoleGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject private ConsoleSession session;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = pathInside(request);
    HttpSession httpSession = request.getSession(false);
    boolean signedIn = httpSession != null && session.isSignedIn();
    boolean lostSession =
        !signedIn
            && ((request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid())
                || (httpSession != null && !session.getUsername().isEmpty()));
    switch (AccessRule.decide(path, signedIn, lostSession)) {
      case ALLOW -> chain.doFilter(request, response);
      case SIGN_IN -> redirect(request, response, AccessRule.LOGIN);
      case SIGN_IN_AGAIN -> redirect(request, response, AccessRule.LOGIN + "?expired=true");
      case DASHBOARD -> redirect(request, response, AccessRule.DASHBOARD);
    }
  }

  /** The path inside the console, {@code /dashboard.xhtml}: no context path, no query. */
  static String pathInside(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return servletPath + pathInfo;
  }

  private static void redirect(
      HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
    String url = request.getContextPath() + target;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + url.replace("&", "&amp;").replace("\"", "&quot;")
                  + "\"/></partial-response>");
      return;
    }
    response.sendRedirect(url);
  }
}
