package dev.clauderelay.admin.relay;

/**
 * Masks a key the way the relay does ({@code sk-abcd...wxyz}), for results the console words
 * itself: a page never shows a provider key in clear.
 */
public final class KeyMask {

  private KeyMask() {}

  public static String of(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "";
    }
    if (secret.length() < 12) {
      return "..." + secret.substring(Math.max(0, secret.length() - 2));
    }
    int prefix = Math.min(7, secret.length() / 4);
    return secret.substring(0, prefix) + "..." + secret.substring(secret.length() - 4);
  }
}
