package dev.clauderelay.gateway.application.admin;

/** The admin named something that does not exist; the message says what. */
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message, null, false, false);
  }
}
