package dev.clauderelay.gateway.infrastructure.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the 256-bit key that encrypts secrets at rest comes from: {@code RELAY_MASTER_KEY}, or a
 * key file generated once into the data directory, readable by its owner only.
 */
public final class MasterKey {

  static final String KEY_FILE_NAME = "master.key";

  private MasterKey() {}

  /**
   * The key from a configured value: 32 bytes in Base64 are used as they are; any other text is
   * hashed with SHA-256 into a key (a passphrase works, random bytes are better).
   */
  public static SecretKey fromConfiguredValue(String value) {
    try {
      byte[] decoded = Base64.getDecoder().decode(value.strip());
      if (decoded.length == 32) {
        return new SecretKeySpec(decoded, "AES");
      }
    } catch (IllegalArgumentException notBase64) {
      // a passphrase: hashed below
    }
    try {
      byte[] hashed =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return new SecretKeySpec(hashed, "AES");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The key in {@code dataDir/master.key}, generated (mode 0600) when the file does not exist. */
  public static SecretKey fromKeyFile(Path dataDir) {
    Path keyFile = dataDir.resolve(KEY_FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(keyFile)) {
        createKeyFile(keyFile);
      }
      String content = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
      byte[] key = Base64.getDecoder().decode(content);
      if (key.length != 32) {
        throw new IllegalStateException(
            keyFile + " does not hold a 32-byte Base64 key; restore it from a backup");
      }
      return new SecretKeySpec(key, "AES");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key file " + keyFile, e);
    }
  }

  private static void createKeyFile(Path keyFile) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    byte[] content =
        (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(ownerOnly));
      } else {
        Files.createFile(keyFile);
      }
      Files.write(keyFile, content, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException raced) {
      // another process created it first: use theirs
    }
  }
}
