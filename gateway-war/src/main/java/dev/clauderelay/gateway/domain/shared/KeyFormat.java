package dev.clauderelay.gateway.domain.shared;

import java.util.function.Function;

/**
 * The form a secret key must have before the relay stores it: printable ASCII without spaces,
 * within a length range, surrounding white space removed (keys are pasted, one a line).
 */
public enum KeyFormat {

  /** A provider's API key: upstreams' key formats differ widely, so the range is wide. */
  PROVIDER_KEY(8, 1024),

  /** A relay client key chosen by an admin: long enough not to be guessed. */
  CLIENT_KEY(16, 200);

  /**
   * What is wrong with a key.
   *
   * @param reason a stable code a client may word in its own language: {@code key_empty}, {@code
   *     key_length} or {@code key_characters}
   * @param problem the same in English, such as {@code must not be empty}
   */
  public record Violation(String reason, String problem) {}

  private final int minLength;
  private final int maxLength;

  KeyFormat(int minLength, int maxLength) {
    this.minLength = minLength;
    this.maxLength = maxLength;
  }

  /** What is wrong with {@code key}, or {@code null} when it may be stored. */
  public Violation violation(String key) {
    if (key == null || key.isBlank()) {
      return new Violation("key_empty", "must not be empty");
    }
    String trimmed = key.strip();
    if (trimmed.length() < minLength || trimmed.length() > maxLength) {
      return new Violation(
          "key_length", "must be between " + minLength + " and " + maxLength + " characters");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c <= ' ' || c > '~') {
        return new Violation("key_characters", "must be printable ASCII without spaces");
      }
    }
    return null;
  }

  /**
   * The key as it is stored, or the exception {@code refusal} makes of what is wrong with it (the
   * caller's own kind of input error).
   */
  public <X extends RuntimeException> String require(String key, Function<Violation, X> refusal) {
    Violation wrong = violation(key);
    if (wrong != null) {
      throw refusal.apply(wrong);
    }
    return key.strip();
  }
}
