package dev.clauderelay.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.plugin.api.SseEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicStreamGrammarTest {

  private static SseEvent e(String type, String json) {
    return new SseEvent(type, json);
  }

  private static List<SseEvent> valid() {
    return new ArrayList<>(
        List.of(
            e(
                "message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\","
                    + "\"usage\":{\"input_tokens\":3}}}"),
            e(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\"}}"),
            e("ping", "{\"type\":\"ping\"}"),
            e(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\"}}"),
            e("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
            e(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\"}}"),
            e(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\"}}"),
            e("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
            e(
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{}}"),
            e("message_stop", "{\"type\":\"message_stop\"}")));
  }

  @Test
  void acceptsAWellFormedStream() {
    assertThatCode(() -> AnthropicStreamGrammar.check(valid())).doesNotThrowAnyException();
  }

  @Test
  void rejectsANonContiguousBlockIndex() {
    List<SseEvent> events = valid();
    events.set(
        5,
        e(
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\"}}"));

    assertThatThrownBy(() -> AnthropicStreamGrammar.check(events))
        .hasMessageContaining("expected 1");
  }

  @Test
  void rejectsADeltaOfTheWrongTypeForItsBlock() {
    List<SseEvent> events = valid();
    events.set(
        6,
        e(
            "content_block_delta",
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\"}}"));

    assertThatThrownBy(() -> AnthropicStreamGrammar.check(events))
        .hasMessageContaining("text_delta in a tool_use block");
  }

  @Test
  void rejectsAnythingAfterMessageStopAndAMissingEnd() {
    List<SseEvent> tooLong = valid();
    tooLong.add(e("ping", "{\"type\":\"ping\"}"));
    assertThatThrownBy(() -> AnthropicStreamGrammar.check(tooLong))
        .hasMessageContaining("nothing may follow");

    List<SseEvent> truncated = valid().subList(0, 4);
    assertThatThrownBy(() -> AnthropicStreamGrammar.check(truncated))
        .hasMessageContaining("without message_stop");
  }

  @Test
  void acceptsAnErrorEventEndingTheStreamEarly() {
    List<SseEvent> events = new ArrayList<>(valid().subList(0, 4));
    events.add(
        e(
            "error",
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"x\"}}"));

    assertThatCode(() -> AnthropicStreamGrammar.check(events)).doesNotThrowAnyException();
  }
}
