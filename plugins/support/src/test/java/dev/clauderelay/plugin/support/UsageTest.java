package dev.clauderelay.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTest {

  @Test
  void countsCachedPromptTokensApartFromInputTokens() {
    assertThat(Usage.ofCachedWithinPrompt(1_000, 800, 50)).isEqualTo(new Usage(200, 50, 800));
  }

  @Test
  void takesACachedCountAboveThePromptAsTheWholePrompt() {
    assertThat(Usage.ofCachedWithinPrompt(100, 150, 5)).isEqualTo(new Usage(0, 5, 100));
  }

  @Test
  void writesAnthropicsUsageFieldsInAnthropicsOrder() {
    assertThat(new Usage(1, 2, 3).toJson().toString())
        .isEqualTo(
            "{\"input_tokens\":1,\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":3,\"output_tokens\":2}");
  }
}
