package dev.clauderelay.gateway.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyFormatTest {

  @Test
  void aProviderKeyIsStoredWithoutTheWhiteSpaceItWasPastedWith() {
    assertThat(KeyFormat.PROVIDER_KEY.require("  sk-12345678\n", v -> new IllegalStateException()))
        .isEqualTo("sk-12345678");
  }

  @Test
  void namesWhatIsWrongWithAKeyByAStableReason() {
    assertThat(KeyFormat.PROVIDER_KEY.violation(" "))
        .isEqualTo(new KeyFormat.Violation("key_empty", "must not be empty"));
    assertThat(KeyFormat.PROVIDER_KEY.violation("short"))
        .isEqualTo(new KeyFormat.Violation("key_length", "must be between 8 and 1024 characters"));
    assertThat(KeyFormat.PROVIDER_KEY.violation("sk-with space"))
        .isEqualTo(
            new KeyFormat.Violation("key_characters", "must be printable ASCII without spaces"));
    assertThat(KeyFormat.PROVIDER_KEY.violation("sk-ключ-12345").reason())
        .isEqualTo("key_characters");
  }

  @Test
  void aClientKeyMustBeLongerThanAProviderKeyNeedsToBe() {
    assertThat(KeyFormat.PROVIDER_KEY.violation("rk-123456789")).isNull();
    assertThat(KeyFormat.CLIENT_KEY.violation("rk-123456789").problem())
        .isEqualTo("must be between 16 and 200 characters");
    assertThat(KeyFormat.CLIENT_KEY.violation("rk-" + "x".repeat(197))).isNull();
    assertThat(KeyFormat.CLIENT_KEY.violation("rk-" + "x".repeat(198)).reason())
        .isEqualTo("key_length");
  }

  @Test
  void refusesAKeyWithTheCallersOwnException() {
    assertThatThrownBy(
            () -> KeyFormat.CLIENT_KEY.require(null, v -> new IllegalStateException(v.problem())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("must not be empty");
  }
}
