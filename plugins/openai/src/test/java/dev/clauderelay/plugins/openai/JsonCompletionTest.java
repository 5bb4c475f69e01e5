package dev.clauderelay.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonCompletionTest {

  @Test
  void completesOnlyWhenTheOutermostValueCloses() {
    JsonCompletion json = new JsonCompletion();
    assertThat(json.complete()).isFalse();

    json.feed("{\"pattern\"");
    assertThat(json.complete()).isFalse();
    json.feed(": {\"a\": [1, 2]");
    assertThat(json.complete()).isFalse();
    json.feed("}}");
    assertThat(json.complete()).isTrue();
  }

  @Test
  void ignoresBracesAndEscapedQuotesInsideStrings() {
    JsonCompletion json = new JsonCompletion();

    json.feed("{\"command\": \"echo \\\"}\\\" {\"");
    assertThat(json.complete()).isFalse();
    json.feed("}");
    assertThat(json.complete()).isTrue();
  }

  @Test
  void callsWhitespaceAloneIncomplete() {
    JsonCompletion json = new JsonCompletion();
    json.feed("  \n");

    assertThat(json.complete()).isFalse();
  }
}
