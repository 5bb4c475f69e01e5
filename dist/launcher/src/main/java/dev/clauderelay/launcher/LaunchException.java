package dev.clauderelay.launcher;

/** The relay cannot start as configured; the message says what to change. */
final class LaunchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LaunchException(String message) {
    super(message, null, false, false);
  }
}
