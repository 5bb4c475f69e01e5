package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;

/** Builds the events of an Anthropic Messages stream, each named after its data's type. */
final class AnthropicEvents {

  private AnthropicEvents() {}

  /** The message as it starts: no content yet, the usage known so far. */
  static SseEvent messageStart(String id, String model, ObjectNode usage) {
    ObjectNode message = Json.object();
    message.put("id", id);
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", model);
    message.set("content", Json.array());
    message.putNull("stop_reason");
    message.putNull("stop_sequence");
    message.set("usage", usage);
    ObjectNode data = event("message_start");
    data.set("message", message);
    return sse(data);
  }

  static SseEvent blockStart(int index, ObjectNode block) {
    ObjectNode data = event("content_block_start");
    data.put("index", index);
    data.set("content_block", block);
    return sse(data);
  }

  /** A text or thinking delta; {@code field} names the delta's payload. */
  static SseEvent blockDelta(int index, String deltaType, String field, String value) {
    ObjectNode delta = Json.object();
    delta.put("type", deltaType);
    delta.put(field, value);
    ObjectNode data = event("content_block_delta");
    data.put("index", index);
    data.set("delta", delta);
    return sse(data);
  }

  static SseEvent blockStop(int index) {
    ObjectNode data = event("content_block_stop");
    data.put("index", index);
    return sse(data);
  }

  static SseEvent messageDelta(String stopReason, ObjectNode usage) {
    ObjectNode delta = Json.object();
    delta.put("stop_reason", stopReason);
    delta.putNull("stop_sequence");
    ObjectNode data = event("message_delta");
    data.set("delta", delta);
    data.set("usage", usage);
    return sse(data);
  }

  static SseEvent messageStop() {
    return sse(event("message_stop"));
  }

  static SseEvent error(GatewayError error) {
    return sse(errorBody(error));
  }

  /** Anthropic's error shape, for a stream's error event and for a whole error answer. */
  static ObjectNode errorBody(GatewayError error) {
    ObjectNode detail = Json.object();
    detail.put("type", error.type().wireName());
    detail.put("message", error.getMessage());
    ObjectNode data = event("error");
    data.set("error", detail);
    return data;
  }

  /** An empty block of a kind that grows by deltas, as content_block_start carries it. */
  static ObjectNode emptyBlock(BlockKind kind) {
    ObjectNode block = Json.object();
    block.put("type", kind.blockType());
    block.put(kind.field(), "");
    if (kind == BlockKind.THINKING) {
      block.put("signature", "");
    }
    return block;
  }

  /** A tool_use block; streams send it with an empty input and the arguments as one delta. */
  static ObjectNode toolUseBlock(String id, String name, JsonNode input) {
    ObjectNode block = Json.object();
    block.put("type", "tool_use");
    block.put("id", id);
    block.put("name", name);
    block.set("input", input);
    return block;
  }

  private static ObjectNode event(String type) {
    ObjectNode data = Json.object();
    data.put("type", type);
    return data;
  }

  private static SseEvent sse(ObjectNode data) {
    return new SseEvent(data.path("type").asText(), data.toString());
  }
}
