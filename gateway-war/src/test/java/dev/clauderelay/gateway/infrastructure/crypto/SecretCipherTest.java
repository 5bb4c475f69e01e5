package dev.clauderelay.gateway.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

  private static final String KEY_32_BYTES =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  @Test
  void roundTripsASecretWithAFreshNonceEachTime() {
    SecretCipher cipher = new SecretCipher(MasterKey.fromConfiguredValue(KEY_32_BYTES));

    String first = cipher.encrypt("sk-ant-api03-secret");
    String second = cipher.encrypt("sk-ant-api03-secret");

    assertThat(first).startsWith("v1:").doesNotContain("secret").isNotEqualTo(second);
    assertThat(cipher.decrypt(first)).isEqualTo("sk-ant-api03-secret");
    assertThat(cipher.decrypt(second)).isEqualTo("sk-ant-api03-secret");
  }

  @Test
  void refusesToDecryptWithAnotherKey() {
    String stored = new SecretCipher(MasterKey.fromConfiguredValue(KEY_32_BYTES)).encrypt("x");
    SecretCipher other = new SecretCipher(MasterKey.fromConfiguredValue("another passphrase"));

    assertThatThrownBy(() -> other.decrypt(stored))
        .isInstanceOf(SecretCipher.SecretDecryptionException.class);
  }

  @Test
  void detectsATamperedCiphertext() {
    SecretCipher cipher = new SecretCipher(MasterKey.fromConfiguredValue(KEY_32_BYTES));
    byte[] bytes = Base64.getDecoder().decode(cipher.encrypt("secret").substring(3));
    bytes[bytes.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(bytes)))
        .isInstanceOf(SecretCipher.SecretDecryptionException.class);
    assertThatThrownBy(() -> cipher.decrypt("plain text"))
        .isInstanceOf(SecretCipher.SecretDecryptionException.class);
  }

  @Test
  void generatesTheKeyFileOnceWithOwnerOnlyPermissions(@TempDir Path dataDir) throws Exception {
    SecretKey first = MasterKey.fromKeyFile(dataDir);
    SecretKey second = MasterKey.fromKeyFile(dataDir);
    Path keyFile = dataDir.resolve("master.key");

    assertThat(first.getEncoded()).hasSize(32).isEqualTo(second.getEncoded());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
  }

  @Test
  void usesA32ByteBase64KeyAsIsAndHashesAPassphrase() {
    assertThat(MasterKey.fromConfiguredValue(KEY_32_BYTES).getEncoded())
        .isEqualTo("0123456789abcdef0123456789abcdef".getBytes());
    assertThat(MasterKey.fromConfiguredValue("correct horse battery staple").getEncoded())
        .hasSize(32);
  }
}
