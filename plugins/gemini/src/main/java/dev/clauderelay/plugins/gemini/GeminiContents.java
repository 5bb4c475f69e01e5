package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.ServerToolHistory;
import java.util.Iterator;

/**
 * The conversation: Anthropic {@code messages} as Gemini {@code contents}, user turns as {@code
 * user} and assistant turns as {@code model}, consecutive turns of one role merged since Gemini
 * wants them to alternate. System messages join the {@link SystemInstruction}; tool calls and their
 * results are {@link FunctionCalls}; images and documents {@link MediaParts}.
 *
 * <p>Thinking: Gemini takes no thought text back, only the signatures, which {@link
 * ThoughtSignatures} carries in this plugin's thinking blocks; each goes back on the part after its
 * block.
 */
final class GeminiContents {

  private final Degradations degradations;
  private final SystemInstruction systemInstruction;
  private final MediaParts media;
  private final FunctionCalls functionCalls;
  private final ArrayNode contents = Json.array();

  GeminiContents(SystemInstruction systemInstruction, Degradations degradations) {
    this.degradations = degradations;
    this.systemInstruction = systemInstruction;
    this.media = new MediaParts(degradations);
    this.functionCalls = new FunctionCalls(media, degradations);
  }

  /**
   * The contents of {@code messages}.
   *
   * @throws GatewayError for a role Anthropic does not have, or a tool result without its call
   */
  ArrayNode of(JsonNode messages) {
    for (JsonNode message : messages) {
      message(message);
    }
    return contents;
  }

  private void message(JsonNode message) {
    String role = message.path("role").asText();
    for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("output_config")) {
        if (message.get(name).has("effort")) {
          DroppedContent.effort(degradations);
        }
      } else if (!name.equals("role") && !name.equals("content")) {
        degradations.report("The message field " + name + " has no Gemini equivalent.");
      }
    }
    JsonNode content = message.path("content");
    switch (role) {
      // Claude Code puts its environment block here; Gemini has one system instruction.
      case "system" -> systemInstruction.add(content);
      case "user" -> append("user", userParts(content));
      case "assistant" -> append("model", modelParts(content));
      default ->
          throw new GatewayError(
              ErrorType.INVALID_REQUEST, "messages: unknown role '" + role + "'.");
    }
  }

  /** Adds a turn, merged into the previous one of the same role. */
  private void append(String role, ArrayNode parts) {
    if (parts.isEmpty()) {
      return;
    }
    JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
    if (last != null && role.equals(last.path("role").asText())) {
      ((ArrayNode) last.get("parts")).addAll(parts);
      return;
    }
    ObjectNode turn = contents.addObject();
    turn.put("role", role);
    turn.set("parts", parts);
  }

  private ArrayNode userParts(JsonNode content) {
    ArrayNode parts = Json.array();
    if (content.isTextual()) {
      MediaParts.addText(parts, content.asText());
      return parts;
    }
    for (JsonNode block : content) {
      DroppedContent.cacheControl(block, degradations);
      switch (block.path("type").asText()) {
        case "text" -> MediaParts.addText(parts, block.path("text").asText(""));
        case "image" -> media.image(block, parts);
        case "document" -> media.document(block, parts);
        case "tool_result" -> functionCalls.functionResponse(block, parts);
        default -> DroppedContent.block(block, "user", degradations);
      }
    }
    return parts;
  }

  private ArrayNode modelParts(JsonNode content) {
    ArrayNode parts = Json.array();
    if (content.isTextual()) {
      MediaParts.addText(parts, content.asText());
      return parts;
    }
    String pendingSignature = null;
    for (JsonNode block : content) {
      DroppedContent.cacheControl(block, degradations);
      ObjectNode part = null;
      switch (block.path("type").asText()) {
        case "thinking" -> {
          String signature = ThoughtSignatures.fromAnthropic(Json.nonEmptyText(block, "signature"));
          if (signature == null) {
            reportForeignThinking(block);
          } else {
            if (pendingSignature != null) {
              signatureOnly(parts, pendingSignature);
            }
            pendingSignature = signature;
          }
        }
        case "redacted_thinking" ->
            degradations.report(
                "redacted_thinking blocks were dropped: only Anthropic can read them.");
        case "text" -> {
          String text = block.path("text").asText("");
          if (!text.isEmpty()) {
            part = Json.object().put("text", text);
          }
        }
        case "tool_use" -> part = functionCalls.functionCall(block);
        default -> part = serverToolText(block);
      }
      if (part != null) {
        if (pendingSignature != null) {
          part.put("thoughtSignature", pendingSignature);
          pendingSignature = null;
        }
        parts.add(part);
      }
    }
    if (pendingSignature != null) {
      signatureOnly(parts, pendingSignature);
    }
    return parts;
  }

  /**
   * A server tool's block (a search Anthropic ran, its results) as a text part, so a conversation
   * that moves to Gemini keeps what was found; any other block is reported and dropped.
   */
  private ObjectNode serverToolText(JsonNode block) {
    String type = block.path("type").asText();
    if (!ServerToolHistory.isServerToolBlock(type)) {
      DroppedContent.block(block, "assistant", degradations);
      return null;
    }
    String text = ServerToolHistory.asText(block);
    degradations.report(ServerToolHistory.degradation(type, text != null, "Gemini"));
    return text == null ? null : Json.object().put("text", text);
  }

  /** A signature that belonged to no content: Gemini sends those on an empty text part. */
  private static void signatureOnly(ArrayNode parts, String signature) {
    parts.addObject().put("text", "").put("thoughtSignature", signature);
  }

  private void reportForeignThinking(JsonNode block) {
    // Thinking of this plugin without a signature is Gemini's own thought summary: Gemini keeps
    // its reasoning in signatures and takes no thought text back, so nothing is lost.
    if (Json.nonEmptyText(block, "signature") != null) {
      degradations.report(
          "Thinking blocks signed by another provider were dropped: Gemini cannot use them.");
    }
  }
}
