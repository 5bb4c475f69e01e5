package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.clauderelay.plugin.support.Degradations;

/**
 * System prompts, the request's {@code system} and the {@code system} messages Claude Code puts
 * between user turns, as OpenAI {@code system} messages of text.
 */
final class SystemPrompt {

  /** Claude Code's first system block: Anthropic billing metadata with a per-request hash. */
  private static final String BILLING_HEADER_PREFIX = "x-anthropic-billing-header:";

  private final Degradations degradations;

  SystemPrompt(Degradations degradations) {
    this.degradations = degradations;
  }

  /** Adds one system message for {@code system}, a string or text blocks, unless it is empty. */
  void add(JsonNode system, ArrayNode out) {
    if (system == null || system.isNull()) {
      return;
    }
    String text = textOf(system);
    if (!text.isEmpty()) {
      out.addObject().put("role", "system").put("content", text);
    }
  }

  private String textOf(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      CacheControl.reportIfMarked(block, degradations);
      String type = block.path("type").asText();
      if (!type.equals("text")) {
        degradations.report(
            "A " + type + " block in a system prompt was dropped: system messages carry text.");
        continue;
      }
      String blockText = block.path("text").asText();
      if (blockText.startsWith(BILLING_HEADER_PREFIX)) {
        degradations.report(
            "The x-anthropic-billing-header system block was dropped: it is Anthropic billing"
                + " metadata whose per-request hash would defeat the upstream's prefix cache.");
        continue;
      }
      TextBlocks.append(text, blockText);
    }
    return text.toString();
  }
}
