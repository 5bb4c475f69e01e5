package dev.clauderelay.plugin.api;

/**
 * The error types of the Anthropic Messages API, each with the HTTP status Anthropic answers it
 * with. Clients (Claude Code above all) branch on the type string, so the relay uses exactly these.
 */
public enum ErrorType {
  INVALID_REQUEST("invalid_request_error", 400),
  AUTHENTICATION("authentication_error", 401),
  BILLING("billing_error", 402),
  PERMISSION("permission_error", 403),
  NOT_FOUND("not_found_error", 404),
  REQUEST_TOO_LARGE("request_too_large", 413),
  RATE_LIMIT("rate_limit_error", 429),
  API("api_error", 500),
  TIMEOUT("timeout_error", 504),
  OVERLOADED("overloaded_error", 529);

  private final String wireName;
  private final int httpStatus;

  ErrorType(String wireName, int httpStatus) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
  }

  /** The {@code error.type} string on the wire, such as {@code rate_limit_error}. */
  public String wireName() {
    return wireName;
  }

  /** The HTTP status Anthropic uses for this type. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The type for a wire name, or {@link #API} when the name is unknown. */
  public static ErrorType fromWireName(String wireName) {
    for (ErrorType type : values()) {
      if (type.wireName.equals(wireName)) {
        return type;
      }
    }
    return API;
  }
}
