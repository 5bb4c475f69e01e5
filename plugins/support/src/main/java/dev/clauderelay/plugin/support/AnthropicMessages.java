package dev.clauderelay.plugin.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds an Anthropic {@code message} and its content blocks, for a whole answer and for the
 * message and blocks a stream starts with ({@link AnthropicEvents} uses these, so both agree on
 * every field and its order).
 *
 * <p><b>Purity and threading:</b> each method builds a new tree from its arguments and may be
 * called from any thread. <b>Nullability:</b> a {@code null} text argument is written as JSON
 * {@code null}; the trees returned are never {@code null} and belong to the caller.
 */
public final class AnthropicMessages {

  private AnthropicMessages() {}

  /**
   * An assistant {@code message}.
   *
   * @param id the context's message id
   * @param model the model the client asked for, which Anthropic answers with
   * @param content the content blocks, taken as they are (not copied)
   * @param stopReason the stop reason, or {@code null} while the message is still streaming
   * @param stopSequence the stop sequence that ended the answer, or {@code null}
   */
  public static ObjectNode message(
      String id,
      String model,
      ArrayNode content,
      String stopReason,
      String stopSequence,
      Usage usage) {
    ObjectNode message = Json.object();
    message.put("id", id);
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", model);
    message.set("content", content);
    message.put("stop_reason", stopReason);
    message.put("stop_sequence", stopSequence);
    message.set("usage", usage.toJson());
    return message;
  }

  /** A {@code text} block. */
  public static ObjectNode textBlock(String text) {
    ObjectNode block = Json.object();
    block.put("type", "text");
    block.put("text", text);
    return block;
  }

  /**
   * A {@code thinking} block.
   *
   * @param signature the signature, or {@code ""} for reasoning that carries none: typed SDKs
   *     expect the field
   */
  public static ObjectNode thinkingBlock(String thinking, String signature) {
    ObjectNode block = Json.object();
    block.put("type", "thinking");
    block.put("thinking", thinking);
    block.put("signature", signature);
    return block;
  }

  /**
   * A {@code tool_use} block.
   *
   * @param input the call's arguments, an object, taken as it is (not copied)
   */
  public static ObjectNode toolUseBlock(String id, String name, JsonNode input) {
    ObjectNode block = Json.object();
    block.put("type", "tool_use");
    block.put("id", id);
    block.put("name", name);
    block.set("input", input);
    return block;
  }
}
