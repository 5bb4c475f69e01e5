package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;

/**
 * The content of one OpenAI user message, built from the text, image and document blocks of a user
 * turn (and the images of its tool results): a string while it is only text, a list of parts once
 * it holds an image.
 */
final class UserContent {

  private final Degradations degradations;
  private final ArrayNode parts;
  private boolean onlyText;

  UserContent(Degradations degradations) {
    this.degradations = degradations;
    this.parts = Json.array();
    this.onlyText = true;
  }

  void text(String text, JsonNode block) {
    if (block.hasNonNull("citations")) {
      degradations.report("Citations on user text were dropped.");
    }
    parts.addObject().put("type", "text").put("text", text);
  }

  /** A base64 or URL image as an {@code image_url} part; other sources are dropped. */
  void image(JsonNode block) {
    JsonNode source = block.path("source");
    String url =
        switch (source.path("type").asText()) {
          case "base64" ->
              "data:"
                  + source.path("media_type").asText()
                  + ";base64,"
                  + source.path("data").asText();
          case "url" -> source.path("url").asText();
          default -> null;
        };
    if (url == null) {
      degradations.report(
          "An image with a "
              + source.path("type").asText()
              + " source was dropped: the upstream takes base64 or URL images only.");
      return;
    }
    onlyText = false;
    ObjectNode part = parts.addObject().put("type", "image_url");
    part.putObject("image_url").put("url", url);
  }

  /** Plain-text documents become text; PDFs and files have no portable equivalent. */
  void document(JsonNode block) {
    JsonNode source = block.path("source");
    String type = source.path("type").asText();
    StringBuilder text = new StringBuilder();
    if (block.hasNonNull("title")) {
      text.append(block.path("title").asText()).append(TextBlocks.SEPARATOR);
    }
    if (type.equals("text")) {
      text.append(source.path("data").asText());
    } else if (type.equals("content") && source.path("content").isArray()) {
      for (JsonNode part : source.path("content")) {
        if (part.path("type").asText().equals("text")) {
          TextBlocks.append(text, part.path("text").asText());
        }
      }
    } else {
      degradations.report(
          "A document with a "
              + type
              + " source was dropped: OpenAI-compatible upstreams take text documents only.");
      return;
    }
    text(text.toString(), block);
  }

  boolean isEmpty() {
    return parts.isEmpty();
  }

  /** The message's {@code content}: one string of the texts, or the parts when an image is in. */
  JsonNode toContent() {
    if (!onlyText) {
      return parts;
    }
    StringBuilder text = new StringBuilder();
    parts.forEach(part -> TextBlocks.append(text, part.path("text").asText()));
    return TextNode.valueOf(text.toString());
  }
}
