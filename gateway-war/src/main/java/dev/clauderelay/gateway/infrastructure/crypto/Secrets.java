package dev.clauderelay.gateway.infrastructure.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Small operations on secrets: masking for display, fingerprints, random tokens. */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /**
   * A secret as admins may see it: a recognisable prefix and the last 4 characters, such as {@code
   * sk-ant-...wxyz}. Short secrets show only their last characters, never most of them.
   */
  public static String mask(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "";
    }
    if (secret.length() < 12) {
      return "..." + secret.substring(Math.max(0, secret.length() - 2));
    }
    int prefix = Math.min(7, secret.length() / 4);
    return secret.substring(0, prefix) + "..." + secret.substring(secret.length() - 4);
  }

  /** The SHA-256 of a secret in hex: for lookups and duplicate checks, never reversible. */
  public static String sha256Hex(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** {@code bytes} random bytes, URL-safe Base64 without padding. */
  public static String randomToken(int bytes) {
    byte[] token = new byte[bytes];
    RANDOM.nextBytes(token);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }
}
