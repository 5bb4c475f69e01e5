package dev.clauderelay.gateway.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void matchesOnlyTheHashedPassword() {
    String stored = hasher.hash("s3cret-Passw0rd");

    assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain("s3cret");
    assertThat(hasher.matches("s3cret-Passw0rd", stored)).isTrue();
    assertThat(hasher.matches("s3cret-passw0rd", stored)).isFalse();
    assertThat(hasher.matches("", stored)).isFalse();
  }

  @Test
  void saltsEachHash() {
    assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
  }

  @Test
  void rejectsAStoredValueOfAnUnknownScheme() {
    assertThat(hasher.matches("x", "md5$abc")).isFalse();
  }
}
