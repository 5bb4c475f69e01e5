package dev.clauderelay.admin.relay;

/**
 * The gateway answered, with an error status. {@link #getMessage()} is the gateway's own {@code
 * error.message}, written for people, so the pages show it as it is.
 */
public class RelayRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient String body;

  public RelayRefusedException(int status, String message, String body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** The admin token is missing, unknown or expired: the person must sign in again. */
  public boolean isUnauthorized() {
    return status == 401;
  }

  public boolean isThrottled() {
    return status == 429;
  }

  /** The raw answer, for the few calls whose error status still carries a useful body. */
  String body() {
    return body;
  }
}
