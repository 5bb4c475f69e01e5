package dev.clauderelay.admin.web;

/**
 * Who may open which console path: resources and the sign-in page are open to all; every other page
 * needs a signed-in admin. A signed-in admin asking for the sign-in page is sent to the dashboard.
 */
final class AccessRule {

  static final String LOGIN = "/login.xhtml";
  static final String DASHBOARD = "/dashboard.xhtml";
  private static final String ERROR = "/error.xhtml";
  private static final String FACES_RESOURCES = "/jakarta.faces.resource/";
  private static final String STATIC_RESOURCES = "/resources/";

  /** What the guard does with a request. */
  enum Decision {
    ALLOW,
    /** No admin signed in: to the sign-in page. */
    SIGN_IN,
    /** The session or the admin token ran out: to the sign-in page, saying so. */
    SIGN_IN_AGAIN,
    /** Already signed in: the sign-in page has nothing to offer, show the dashboard. */
    DASHBOARD
  }

  private AccessRule() {}

  /**
   * @param path the path inside the console ({@code /dashboard.xhtml}), without context or query
   * @param signedIn the session holds an admin token that has not expired
   * @param lostSession the browser sent a session id this server no longer knows, or a token that
   *     expired: it was signed in a while ago
   */
  static Decision decide(String path, boolean signedIn, boolean lostSession) {
    if (isResource(path) || ERROR.equals(path)) {
      return Decision.ALLOW;
    }
    if (isSignInPage(path)) {
      return signedIn ? Decision.DASHBOARD : Decision.ALLOW;
    }
    if (signedIn) {
      return Decision.ALLOW;
    }
    return lostSession ? Decision.SIGN_IN_AGAIN : Decision.SIGN_IN;
  }

  static boolean isResource(String path) {
    return path.startsWith(FACES_RESOURCES) || path.startsWith(STATIC_RESOURCES);
  }

  private static boolean isSignInPage(String path) {
    return path.isEmpty() || "/".equals(path) || LOGIN.equals(path);
  }
}
