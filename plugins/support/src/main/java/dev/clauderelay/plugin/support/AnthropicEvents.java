package dev.clauderelay.plugin.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;

/**
 * Builds the events of an Anthropic Messages stream, each named after its data's {@code type}, as a
 * {@link dev.clauderelay.plugin.api.StreamTranslator} returns them. The calls a translator makes
 * must follow the stream grammar: {@code message_start (block_start delta* block_stop)*
 * message_delta message_stop}, or an {@code error} at any point; these builders do not check it.
 *
 * <p>The deltas, nearly all of a stream, are written as text around one escaped value rather than
 * through a JSON tree: the same bytes, less work per event.
 *
 * <p><b>Purity and threading:</b> each method returns a new event (or a shared immutable one) made
 * from its arguments only, and may be called from any thread. <b>Nullability:</b> ids, names and
 * texts must not be {@code null} unless a parameter says otherwise.
 */
public final class AnthropicEvents {

  private static final SseEvent MESSAGE_STOP =
      new SseEvent("message_stop", "{\"type\":\"message_stop\"}");

  private AnthropicEvents() {}

  /**
   * The message as it starts: no content, no stop reason yet.
   *
   * @param usage the usage known so far (the prompt's, when the upstream sends it first)
   */
  public static SseEvent messageStart(String id, String model, Usage usage) {
    ObjectNode data = Json.object();
    data.put("type", "message_start");
    data.set("message", AnthropicMessages.message(id, model, Json.array(), null, null, usage));
    return event("message_start", data);
  }

  /** Opens a text block at {@code index}. */
  public static SseEvent textBlockStart(int index) {
    return blockStart(index, AnthropicMessages.textBlock(""));
  }

  /** Opens a thinking block at {@code index}, its signature empty until a signature delta. */
  public static SseEvent thinkingBlockStart(int index) {
    return blockStart(index, AnthropicMessages.thinkingBlock("", ""));
  }

  /** Opens a tool_use block at {@code index}; its input follows as input_json deltas. */
  public static SseEvent toolUseBlockStart(int index, String id, String name) {
    return blockStart(index, AnthropicMessages.toolUseBlock(id, name, Json.object()));
  }

  /** Appends {@code text} to the text block at {@code index}. */
  public static SseEvent textDelta(int index, String text) {
    return delta(index, "text_delta", "text", text);
  }

  /** Appends {@code thinking} to the thinking block at {@code index}. */
  public static SseEvent thinkingDelta(int index, String thinking) {
    return delta(index, "thinking_delta", "thinking", thinking);
  }

  /** Gives the thinking block at {@code index} its signature, just before the block stops. */
  public static SseEvent signatureDelta(int index, String signature) {
    return delta(index, "signature_delta", "signature", signature);
  }

  /**
   * Appends a fragment of the tool call's JSON arguments to the tool_use block at {@code index}.
   */
  public static SseEvent inputJsonDelta(int index, String partialJson) {
    return delta(index, "input_json_delta", "partial_json", partialJson);
  }

  /** Closes the block at {@code index}. */
  public static SseEvent blockStop(int index) {
    return new SseEvent(
        "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }

  /**
   * The message's end: its stop reason and final usage.
   *
   * @param stopSequence the stop sequence that ended the answer, or {@code null}
   */
  public static SseEvent messageDelta(String stopReason, String stopSequence, Usage usage) {
    ObjectNode data = Json.object();
    data.put("type", "message_delta");
    ObjectNode delta = data.putObject("delta");
    delta.put("stop_reason", stopReason);
    delta.put("stop_sequence", stopSequence);
    data.set("usage", usage.toJson());
    return event("message_delta", data);
  }

  /** The stream's last event; one shared instance, as events are immutable. */
  public static SseEvent messageStop() {
    return MESSAGE_STOP;
  }

  /** Ends the stream with an error the client sees; the grammar allows one at any point. */
  public static SseEvent error(ErrorType type, String message) {
    return event("error", errorBody(type, message));
  }

  /** {@link #error(ErrorType, String)} with the type and message of {@code error}. */
  public static SseEvent error(GatewayError error) {
    return error(error.type(), error.getMessage());
  }

  /**
   * Anthropic's error shape {@code {"type":"error","error":{"type","message"}}}, the data of an
   * error event and the body of a whole error answer; a new tree.
   */
  public static ObjectNode errorBody(GatewayError error) {
    return errorBody(error.type(), error.getMessage());
  }

  private static ObjectNode errorBody(ErrorType type, String message) {
    ObjectNode data = Json.object();
    data.put("type", "error");
    ObjectNode error = data.putObject("error");
    error.put("type", type.wireName());
    error.put("message", message);
    return data;
  }

  private static SseEvent blockStart(int index, ObjectNode block) {
    ObjectNode data = Json.object();
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
