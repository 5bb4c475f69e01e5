package dev.clauderelay.gateway.infrastructure.oauth;

/**
 * The OAuth server refused or could not be reached; the message is safe to show an admin (the
 * server's error code and description, never a token).
 */
public class OAuthException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  public OAuthException(String message, boolean permanent) {
    super(message, null, false, false);
    this.permanent = permanent;
  }

  /** Whether retrying cannot help (a revoked or invalid grant), as opposed to a network failure. */
  public boolean permanent() {
    return permanent;
  }
}
