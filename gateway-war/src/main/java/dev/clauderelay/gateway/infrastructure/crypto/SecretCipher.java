package dev.clauderelay.gateway.infrastructure.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts and decrypts secrets at rest with AES-256-GCM: a fresh 96-bit nonce per value, the
 * 128-bit tag authenticating it. Stored form: {@code v1:} then Base64 of nonce and ciphertext, so a
 * later key rotation can tell versions apart. Thread-safe.
 */
public final class SecretCipher {

  private static final String VERSION = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(SecretKey key) {
    this.key = key;
  }

  public String encrypt(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
      return VERSION + Base64.getEncoder().encodeToString(stored.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * @throws SecretDecryptionException when the value was encrypted with another key or altered
   */
  public String decrypt(String stored) {
    if (stored == null || !stored.startsWith(VERSION)) {
      throw new SecretDecryptionException("not an encrypted secret of a known version");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
      if (bytes.length <= NONCE_BYTES) {
        throw new SecretDecryptionException("encrypted secret is truncated");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SecretDecryptionException("secret cannot be decrypted with the current master key");
    }
  }

  /** A stored secret could not be decrypted: wrong master key or altered data. */
  public static final class SecretDecryptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SecretDecryptionException(String message) {
      super(message);
    }
  }
}
