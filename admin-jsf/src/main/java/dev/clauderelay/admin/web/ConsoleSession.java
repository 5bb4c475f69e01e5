package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.AdminToken;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/**
 * The signed-in admin of one browser session. The admin token lives only here, on the server: never
 * in a cookie, a page or a URL.
 */
@Named
@SessionScoped
public class ConsoleSession implements Serializable {

  private static final long serialVersionUID = 1L;

  private AdminToken token;

  void start(AdminToken token) {
    this.token = token;
  }

  void end() {
    token = null;
  }

  /** True while a token is held that the gateway has not yet let expire. */
  public boolean isSignedIn() {
    return isSignedInAt(Instant.now());
  }

  boolean isSignedInAt(Instant now) {
    return token != null && now.isBefore(token.expiresAt());
  }

  public String getUsername() {
    return token == null ? "" : token.username();
  }

  /** For calls to the admin API only. */
  String token() {
    return token == null ? "" : token.token();
  }
}
