package dev.clauderelay.gateway.domain.model.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProviderKindTest {

  @Test
  void everyKindReadsBackFromItsWireName() {
    for (ProviderKind kind : ProviderKind.values()) {
      assertThat(ProviderKind.fromWireName(kind.wireName())).isSameAs(kind);
    }
    assertThat(ProviderKind.OPENAI_RESPONSES.wireName()).isEqualTo("openai-responses");
  }

  @Test
  void anUnknownKindIsRefusedNamingEveryAcceptedOne() {
    assertThatThrownBy(() -> ProviderKind.fromWireName("openai_responses"))
        .hasMessage(
            "unknown provider kind 'openai_responses';"
                + " use anthropic, openai, gemini or openai-responses");
  }
}
