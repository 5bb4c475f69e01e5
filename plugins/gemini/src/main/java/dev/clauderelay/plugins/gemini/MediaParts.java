package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;

/**
 * Anthropic text, image and document blocks as Gemini parts: text parts, {@code inlineData} for
 * base64 sources, {@code fileData} for files Gemini's File API holds. The data is shared with the
 * client's request, never copied.
 */
final class MediaParts {

  private final Degradations degradations;

  MediaParts(Degradations degradations) {
    this.degradations = degradations;
  }

  /** A text part, unless {@code text} is empty: Gemini rejects empty text parts. */
  static void addText(ArrayNode parts, String text) {
    if (!text.isEmpty()) {
      parts.addObject().put("text", text);
    }
  }

  void image(JsonNode block, ArrayNode parts) {
    JsonNode source = block.path("source");
    switch (source.path("type").asText()) {
      case "base64" -> inlineData(parts, source.path("media_type").asText(), source.get("data"));
      case "url" -> {
        String url = source.path("url").asText("");
        if (isGeminiFileUri(url)) {
          parts.addObject().putObject("fileData").put("fileUri", url);
        } else {
          degradations.report(
              "Images given by URL were dropped: Gemini reads only inline data and its own files.");
        }
      }
      default ->
          degradations.report(
              "Images of source type " + source.path("type").asText() + " were dropped.");
    }
  }

  void document(JsonNode block, ArrayNode parts) {
    JsonNode source = block.path("source");
    switch (source.path("type").asText()) {
      case "base64" -> inlineData(parts, source.path("media_type").asText(), source.get("data"));
      case "text" -> addText(parts, source.path("data").asText(""));
      case "content" -> {
        for (JsonNode inner : source.path("content")) {
          if ("text".equals(inner.path("type").asText())) {
            addText(parts, inner.path("text").asText(""));
          } else if ("image".equals(inner.path("type").asText())) {
            image(inner, parts);
          }
        }
      }
      default ->
          degradations.report(
              "Documents of source type " + source.path("type").asText() + " were dropped.");
    }
    if (block.has("citations")) {
      degradations.report("Document citations were dropped: Gemini does not cite documents.");
    }
  }

  /** Files uploaded to Gemini's File API are the URLs Gemini itself can read. */
  private static boolean isGeminiFileUri(String url) {
    return url.startsWith("https://generativelanguage.googleapis.com/");
  }

  private static void inlineData(ArrayNode parts, String mediaType, JsonNode data) {
    ObjectNode inline = parts.addObject().putObject("inlineData");
    inline.put("mimeType", mediaType);
    inline.set("data", data);
  }
}
