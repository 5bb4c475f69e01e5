package dev.clauderelay.gateway.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void masksToAPrefixAndTheLastFourCharacters() {
    assertThat(Secrets.mask("sk-ant-api03-abcdefghijklmnopqrstuvwxyz")).isEqualTo("sk-ant-...wxyz");
  }

  @Test
  void neverShowsMostOfAShortSecret() {
    assertThat(Secrets.mask("abcdefgh")).isEqualTo("...gh");
    assertThat(Secrets.mask("sk-12345678ab")).isEqualTo("sk-...78ab");
    assertThat(Secrets.mask("")).isEmpty();
  }

  @Test
  void makesUrlSafeRandomTokens() {
    String token = Secrets.randomToken(32);

    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Secrets.randomToken(32)).isNotEqualTo(token);
  }
}
