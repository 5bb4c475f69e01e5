package dev.clauderelay.plugin.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clauderelay.plugin.api.SseEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Checks that a sequence of client events is a valid Anthropic Messages stream: {@code
 * message_start (content_block_start delta* content_block_stop)* message_delta message_stop}, with
 * {@code ping} allowed between events, block indexes contiguous from 0, delta types matching block
 * types, each event's name equal to its data's {@code type}, and nothing after {@code
 * message_stop}. A stream may instead end with one {@code error} event at any point.
 */
public final class AnthropicStreamGrammar {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The delta types each block type allows. */
  private static final Map<String, List<String>> DELTAS_BY_BLOCK =
      Map.of(
          "text", List.of("text_delta", "citations_delta"),
          "thinking", List.of("thinking_delta", "signature_delta"),
          "redacted_thinking", List.of(),
          "tool_use", List.of("input_json_delta"),
          "server_tool_use", List.of("input_json_delta"));

  private AnthropicStreamGrammar() {}

  /**
   * @throws AssertionError naming the first event that breaks the grammar
   */
  public static void check(List<SseEvent> events) {
    State state = State.BEFORE_START;
    int nextIndex = 0;
    String openType = null;
    for (int i = 0; i < events.size(); i++) {
      SseEvent event = events.get(i);
      JsonNode data = parse(event, i);
      String type = data.path("type").asText();
      String where = "event #" + i + " (" + event.event() + ")";
      if (event.event() != null && !event.event().equals(type)) {
        throw new AssertionError(where + ": event name differs from data.type '" + type + "'");
      }
      if (state == State.ENDED) {
        throw new AssertionError(where + ": nothing may follow message_stop or error");
      }
      if ("error".equals(type)) {
        if (!data.path("error").hasNonNull("type") || !data.path("error").hasNonNull("message")) {
          throw new AssertionError(where + ": error event without error.type and error.message");
        }
        state = State.ENDED;
        continue;
      }
      if ("ping".equals(type)) {
        if (state == State.BEFORE_START) {
          throw new AssertionError(where + ": ping before message_start");
        }
        continue;
      }
      switch (type) {
        case "message_start" -> {
          expect(state == State.BEFORE_START, where, "message_start must come first, once");
          JsonNode message = data.path("message");
          expect(
              message.path("role").asText().equals("assistant"), where, "role must be assistant");
          expect(message.hasNonNull("id"), where, "message.id missing");
          expect(message.path("usage").isObject(), where, "message.usage missing");
          state = State.BETWEEN_BLOCKS;
        }
        case "content_block_start" -> {
          expect(state == State.BETWEEN_BLOCKS, where, "block opened while another is open");
          int index = data.path("index").asInt(-1);
          expect(index == nextIndex, where, "index " + index + ", expected " + nextIndex);
          openType = data.path("content_block").path("type").asText();
          expect(DELTAS_BY_BLOCK.containsKey(openType), where, "unknown block type " + openType);
          state = State.IN_BLOCK;
        }
        case "content_block_delta" -> {
          expect(state == State.IN_BLOCK, where, "delta outside a block");
          expect(data.path("index").asInt(-1) == nextIndex, where, "delta for another index");
          String deltaType = data.path("delta").path("type").asText();
          expect(
              DELTAS_BY_BLOCK.get(openType).contains(deltaType),
              where,
              deltaType + " in a " + openType + " block");
        }
        case "content_block_stop" -> {
          expect(state == State.IN_BLOCK, where, "stop without an open block");
          expect(data.path("index").asInt(-1) == nextIndex, where, "stop for another index");
          nextIndex++;
          openType = null;
          state = State.BETWEEN_BLOCKS;
        }
        case "message_delta" -> {
          expect(state == State.BETWEEN_BLOCKS, where, "message_delta with a block open");
          expect(data.path("delta").has("stop_reason"), where, "message_delta without stop_reason");
          expect(data.path("usage").isObject(), where, "message_delta without usage");
          state = State.AFTER_DELTA;
        }
        case "message_stop" -> {
          expect(state == State.AFTER_DELTA, where, "message_stop before message_delta");
          state = State.ENDED;
        }
        default -> throw new AssertionError(where + ": unknown event type '" + type + "'");
      }
    }
    if (state != State.ENDED) {
      throw new AssertionError("stream ended without message_stop or error (state " + state + ")");
    }
  }

  private enum State {
    BEFORE_START,
    BETWEEN_BLOCKS,
    IN_BLOCK,
    AFTER_DELTA,
    ENDED
  }

  private static void expect(boolean condition, String where, String problem) {
    if (!condition) {
      throw new AssertionError(where + ": " + problem);
    }
  }

  private static JsonNode parse(SseEvent event, int i) {
    try {
      return JSON.readTree(event.data());
    } catch (IOException e) {
      throw new AssertionError("event #" + i + " carries no JSON: " + event.data(), e);
    }
  }
}
