package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * The conversation's tool calls: Anthropic {@code tool_use} blocks as Gemini {@code functionCall}
 * parts, and {@code tool_result} blocks as {@code functionResponse} parts. Gemini names the
 * function a response answers, which a tool result does not, so the names of earlier calls are kept
 * by id.
 */
final class FunctionCalls {

  private final Degradations degradations;
  private final MediaParts media;
  private final Map<String, String> toolNamesById = new HashMap<>();

  FunctionCalls(MediaParts media, Degradations degradations) {
    this.degradations = degradations;
    this.media = media;
  }

  /** A {@code functionCall} part for a {@code tool_use} block of an assistant turn. */
  ObjectNode functionCall(JsonNode block) {
    String id = block.path("id").asText("");
    String name = block.path("name").asText("");
    toolNamesById.put(id, name);
    ObjectNode call = Json.object();
    if (isGeminiCallId(id)) {
      call.put("id", id);
    }
    call.put("name", name);
    JsonNode input = block.get("input");
    call.set("args", input != null && input.isObject() ? input : Json.object());
    return Json.object().set("functionCall", call);
  }

  /**
   * Adds a {@code functionResponse} part for a {@code tool_result} block of a user turn, and after
   * it the result's images and documents as parts of the same turn, which every Gemini model reads.
   *
   * @throws GatewayError when the result answers no earlier {@code tool_use}
   */
  void functionResponse(JsonNode block, ArrayNode parts) {
    String id = block.path("tool_use_id").asText("");
    String name = toolNamesById.get(id);
    if (name == null) {
      throw new GatewayError(
          ErrorType.INVALID_REQUEST,
          "tool_result " + id + " answers no tool_use of an earlier assistant message.");
    }
    ArrayNode extraParts = Json.array();
    String output = resultText(block.get("content"), extraParts);
    ObjectNode response = Json.object();
    response.put(block.path("is_error").asBoolean(false) ? "error" : "content", output);
    ObjectNode functionResponse = Json.object();
    if (isGeminiCallId(id)) {
      functionResponse.put("id", id);
    }
    functionResponse.put("name", name);
    functionResponse.set("response", response);
    parts.addObject().set("functionResponse", functionResponse);
    parts.addAll(extraParts);
  }

  /**
   * Whether a tool id came from Gemini, which then matches its response by it; {@code toolu_} ids
   * are Anthropic's or made up by this plugin, and Gemini matches those calls by name and order.
   */
  private static boolean isGeminiCallId(String id) {
    return !id.isEmpty() && !id.startsWith("toolu_");
  }

  /**
   * A tool result's text, blocks joined by newlines; images and documents go to {@code extraParts}.
   */
  private String resultText(JsonNode content, ArrayNode extraParts) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      DroppedContent.cacheControl(block, degradations);
      switch (block.path("type").asText()) {
        case "text" -> {
          if (!text.isEmpty()) {
            text.append('\n');
          }
          text.append(block.path("text").asText(""));
        }
        case "image" -> media.image(block, extraParts);
        case "document" -> media.document(block, extraParts);
        default -> DroppedContent.block(block, "tool_result", degradations);
      }
    }
    return text.toString();
  }
}
