package dev.clauderelay.plugin.api;

/**
 * An error the relay answers a client with, in Anthropic's shape {@code
 * {"type":"error","error":{"type":...,"message":...}}}.
 *
 * <p>The one error model of the relay: upstream failures are classified, then become a {@code
 * GatewayError}, then JSON (or an SSE {@code error} event once a stream has started). The message
 * is shown to the client: it says what to do and never carries a stack trace, a secret or an
 * upstream URL.
 */
public class GatewayError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorType type;
  private final int httpStatus;

  public GatewayError(ErrorType type, String message) {
    this(type, type.httpStatus(), message);
  }

  /** For an upstream's own status that differs from the type's usual one (503 overloaded). */
  public GatewayError(ErrorType type, int httpStatus, String message) {
    super(message, null, false, false);
    this.type = type;
    this.httpStatus = httpStatus;
  }

  public ErrorType type() {
    return type;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
