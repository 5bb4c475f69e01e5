package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.SseEvent;

/**
 * Builds the Anthropic Messages stream events. The three delta events, which are nearly all of a
 * stream, are written as strings around one escaped value instead of through a JSON tree.
 */
final class AnthropicEvents {

  private AnthropicEvents() {}

  static SseEvent messageStart(String id, String model, Usage usage) {
    ObjectNode data = Json.NODES.objectNode();
    data.put("type", "message_start");
    ObjectNode message = data.putObject("message");
    message.put("id", id);
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", model);
    message.putArray("content");
    message.putNull("stop_reason");
    message.putNull("stop_sequence");
    message.set("usage", usage.toJson());
    return event("message_start", data);
  }

  static SseEvent textBlockStart(int index) {
    ObjectNode block = Json.NODES.objectNode();
    block.put("type", "text");
    block.put("text", "");
    return blockStart(index, block);
  }

  static SseEvent thinkingBlockStart(int index) {
    ObjectNode block = Json.NODES.objectNode();
    block.put("type", "thinking");
    block.put("thinking", "");
    // OpenAI-compatible reasoning carries no signature; an empty one keeps typed SDKs happy.
    block.put("signature", "");
    return blockStart(index, block);
  }

  static SseEvent toolUseBlockStart(int index, String id, String name) {
    ObjectNode block = Json.NODES.objectNode();
    block.put("type", "tool_use");
    block.put("id", id);
    block.put("name", name);
    block.putObject("input");
    return blockStart(index, block);
  }

  static SseEvent textDelta(int index, String text) {
    return delta(index, "text_delta", "text", text);
  }

  static SseEvent thinkingDelta(int index, String thinking) {
    return delta(index, "thinking_delta", "thinking", thinking);
  }

  static SseEvent inputJsonDelta(int index, String partialJson) {
    return delta(index, "input_json_delta", "partial_json", partialJson);
  }

  static SseEvent blockStop(int index) {
    return new SseEvent(
        "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }

  static SseEvent messageDelta(String stopReason, String stopSequence, Usage usage) {
    ObjectNode data = Json.NODES.objectNode();
    data.put("type", "message_delta");
    ObjectNode delta = data.putObject("delta");
    delta.put("stop_reason", stopReason);
    delta.put("stop_sequence", stopSequence);
    data.set("usage", usage.toJson());
    return event("message_delta", data);
  }

  static SseEvent messageStop() {
    return new SseEvent("message_stop", "{\"type\":\"message_stop\"}");
  }

  static SseEvent error(ErrorType type, String message) {
    ObjectNode data = Json.NODES.objectNode();
    data.put("type", "error");
    ObjectNode error = data.putObject("error");
    error.put("type", type.wireName());
    error.put("message", message);
    return event("error", data);
  }

  private static SseEvent blockStart(int index, ObjectNode block) {
    ObjectNode data = Json.NODES.objectNode();
    data.put("type", "content_block_start");
    data.put("index", index);
    data.set("content_block", block);
    return event("content_block_start", data);
  }

  private static SseEvent delta(int index, String deltaType, String field, String value) {
    return new SseEvent(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":"
            + index
            + ",\"delta\":{\"type\":\""
            + deltaType
            + "\",\""
            + field
            + "\":"
            + Json.quote(value)
            + "}}");
  }

  private static SseEvent event(String type, ObjectNode data) {
    return new SseEvent(type, Json.write(data));
  }
}
