package dev.clauderelay.gateway.application.admin;

/**
 * Admin input the relay cannot accept; the message names the field and the problem, such as {@code
 * baseUrl: must be an http or https URL}.
 */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
