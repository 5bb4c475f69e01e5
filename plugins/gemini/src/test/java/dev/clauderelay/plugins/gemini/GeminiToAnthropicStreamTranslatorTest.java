package dev.clauderelay.plugins.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.testkit.AnthropicStreamGrammar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiToAnthropicStreamTranslatorTest {

  private static final SseEvent TEXT_CHUNK =
      new SseEvent(
          null,
          "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hel\"}]}}],"
              + "\"usageMetadata\":{\"promptTokenCount\":12}}");

  private final List<String> degraded = new ArrayList<>();
  private final StreamTranslator translator =
      new AnthropicToGeminiTransformer().newStreamTranslator(Cases.context(true, degraded::add));

  @Test
  void startsTheMessageWithThePromptUsageOfTheFirstChunk() {
    List<SseEvent> events = translator.onEvent(TEXT_CHUNK);

    assertThat(events)
        .extracting(SseEvent::event)
        .containsExactly("message_start", "content_block_start", "content_block_delta");
    assertThat(
            Cases.parse(events.get(0).data())
                .path("message")
                .path("usage")
                .path("input_tokens")
                .asInt())
        .isEqualTo(12);
  }

  @Test
  void closesAStartedStreamWithOneErrorEventWhenTheUpstreamFails() {
    List<SseEvent> events = new ArrayList<>(translator.onEvent(TEXT_CHUNK));

    events.addAll(translator.onError(new GatewayError(ErrorType.TIMEOUT, "Gemini stalled.")));

    AnthropicStreamGrammar.check(events);
    assertThat(events.get(events.size() - 1).data())
        .isEqualTo(
            "{\"type\":\"error\",\"error\":{\"type\":\"timeout_error\",\"message\":\"Gemini stalled.\"}}");
    assertThat(translator.onComplete()).isEmpty();
    assertThat(translator.onEvent(TEXT_CHUNK)).isEmpty();
    assertThat(translator.onError(new GatewayError(ErrorType.API, "again"))).isEmpty();
  }

  @Test
  void answersAnErrorWhenTheStreamEndsBeforeAnyChunk() {
    List<SseEvent> events = translator.onComplete();

    AnthropicStreamGrammar.check(events);
    assertThat(events).extracting(SseEvent::event).containsExactly("error");
  }

  @Test
  void writesNothingAfterMessageStop() {
    translator.onEvent(TEXT_CHUNK);
    List<SseEvent> end = translator.onComplete();

    assertThat(end).extracting(SseEvent::event).endsWith("message_stop");
    assertThat(translator.onComplete()).isEmpty();
    assertThat(translator.onError(new GatewayError(ErrorType.API, "late"))).isEmpty();
  }

  @Test
  void ignoresBlankDataAndReportsPartsAnthropicCannotCarry() {
    assertThat(translator.onEvent(new SseEvent(null, ""))).isEmpty();
    List<SseEvent> events = new ArrayList<>(translator.onEvent(TEXT_CHUNK));
    events.addAll(
        translator.onEvent(
            new SseEvent(
                null,
                "{\"candidates\":[{\"content\":{\"parts\":[{\"executableCode\":"
                    + "{\"language\":\"PYTHON\",\"code\":\"1+1\"}}]},\"finishReason\":\"STOP\"}]}")));
    events.addAll(translator.onComplete());

    AnthropicStreamGrammar.check(events);
    assertThat(degraded)
        .containsExactly(
            "A Gemini executableCode part has no Anthropic content block and was dropped.");
  }

  @Test
  void failsOnDataThatIsNotJson() {
    assertThatThrownBy(() -> translator.onEvent(new SseEvent(null, "<html>")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not JSON");
  }
}
