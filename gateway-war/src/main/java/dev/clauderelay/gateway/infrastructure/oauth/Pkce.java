package dev.clauderelay.gateway.infrastructure.oauth;

import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** PKCE (RFC 7636) with the S256 method: a random verifier and its SHA-256 challenge. */
public record Pkce(String verifier, String challenge) {

  public static Pkce create() {
    String verifier = Secrets.randomToken(48); // 64 characters of [A-Za-z0-9_-]
    return new Pkce(verifier, challengeOf(verifier));
  }

  public static String challengeOf(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
