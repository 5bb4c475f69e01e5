package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.domain.shared.KeyFormat;

/**
 * Admin input the relay cannot accept; the message names the field and the problem, such as {@code
 * baseUrl: must be an http or https URL}.
 */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public InvalidInputException(String field, String problem) {
    this(field, problem, null);
  }

  private InvalidInputException(String field, String problem, String reason) {
    super(field + ": " + problem, null, false, false);
    this.field = field;
    this.reason = reason;
  }

  /**
   * A problem a client may show in its own words: {@code reason} is a stable code for it, such as
   * {@code key_characters}.
   */
  public static InvalidInputException withReason(String reason, String field, String problem) {
    return new InvalidInputException(field, problem, reason);
  }

  /** A key that does not have its {@link KeyFormat}, refused on the field {@code key}. */
  public static InvalidInputException ofKey(KeyFormat.Violation violation) {
    return withReason(violation.reason(), "key", violation.problem());
  }

  public String field() {
    return field;
  }

  /** The problem's stable code, or {@code null} when only the message describes it. */
  public String reason() {
    return reason;
  }
}
