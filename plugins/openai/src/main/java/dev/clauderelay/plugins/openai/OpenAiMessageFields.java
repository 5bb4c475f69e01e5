package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Json;

/**
 * Reads the fields of an OpenAI message (a whole answer's) or delta (a stream chunk's) that
 * compatible servers send in more than one shape, alike for both.
 */
final class OpenAiMessageFields {

  private OpenAiMessageFields() {}

  /**
   * The reasoning text, or {@code null}: DeepSeek, Qwen and GLM send {@code reasoning_content};
   * OpenRouter and newer vLLM {@code reasoning}.
   */
  static String reasoningOf(JsonNode message) {
    String reasoning = Json.text(message, "reasoning_content");
    return Json.isEmpty(reasoning) ? Json.text(message, "reasoning") : reasoning;
  }

  /**
   * {@code content} as one text: a string, or the texts of a list of parts; {@code null} if none.
   */
  static String textOf(JsonNode content) {
    if (content == null || content.isNull()) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      String partText = Json.text(part, "text");
      if (partText != null) {
        text.append(partText);
      }
    }
    return text.toString();
  }
}
