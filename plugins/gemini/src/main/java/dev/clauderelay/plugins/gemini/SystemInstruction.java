package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;

/**
 * Gemini's one {@code systemInstruction}, gathering the request's {@code system} and the {@code
 * system} messages Claude Code puts between turns, as text parts.
 */
final class SystemInstruction {

  /** Claude Code's billing line in the system prompt: Anthropic metadata, not an instruction. */
  private static final String BILLING_HEADER = "x-anthropic-billing-header:";

  private final Degradations degradations;
  private final ArrayNode parts = Json.array();

  SystemInstruction(Degradations degradations) {
    this.degradations = degradations;
  }

  /** Adds {@code system}, a string or text blocks. */
  void add(JsonNode system) {
    if (system == null || system.isNull()) {
      return;
    }
    if (system.isTextual()) {
      addText(system.asText());
      return;
    }
    for (JsonNode block : system) {
      DroppedContent.cacheControl(block, degradations);
      if ("text".equals(block.path("type").asText())) {
        addText(block.path("text").asText(""));
      } else {
        DroppedContent.block(block, "system", degradations);
      }
    }
  }

  boolean isEmpty() {
    return parts.isEmpty();
  }

  /** The text parts gathered so far. */
  ArrayNode parts() {
    return parts;
  }

  private void addText(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (text.startsWith(BILLING_HEADER)) {
      // It changes on every request, which would also defeat Gemini's implicit prefix caching.
      degradations.report("Claude Code's billing header line was left out of the system prompt.");
      return;
    }
    parts.addObject().put("text", text);
  }
}
