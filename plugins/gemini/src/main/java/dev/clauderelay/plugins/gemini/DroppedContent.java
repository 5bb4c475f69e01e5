package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Degradations;

/** The degradations that several parts of a request's translation report alike. */
final class DroppedContent {

  private static final String CACHE_CONTROL =
      "cache_control was dropped: Gemini caches repeated prompt prefixes implicitly.";

  private DroppedContent() {}

  /** Reports a {@code cache_control} marker on {@code node}, if it has one. */
  static void cacheControl(JsonNode node, Degradations degradations) {
    if (node.has("cache_control")) {
      degradations.report(CACHE_CONTROL);
    }
  }

  /** Reports a content block of a type Gemini has no part for, in messages of {@code where}. */
  static void block(JsonNode block, String where, Degradations degradations) {
    degradations.report(
        "Content blocks of type "
            + block.path("type").asText("(none)")
            + " in "
            + where
            + " messages were dropped: Gemini has no equivalent.");
  }

  /** Reports a message's own {@code output_config.effort} (the per-turn-control beta). */
  static void effort(Degradations degradations) {
    degradations.report(
        "A message's output_config.effort was dropped with its beta (per-turn-control): Gemini"
            + " sizes thinking per request, from the request's effort.");
  }
}
