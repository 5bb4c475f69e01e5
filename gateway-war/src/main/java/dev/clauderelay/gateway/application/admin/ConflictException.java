package dev.clauderelay.gateway.application.admin;

/** The change contradicts the current state (a duplicate name, a provider in use); says which. */
public class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message, null, false, false);
  }
}
