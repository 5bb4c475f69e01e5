package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Degradations;

/**
 * Anthropic's {@code cache_control} markers, on blocks and tools: dropped, since OpenAI-compatible
 * upstreams cache prompt prefixes on their own, and reported once per request.
 */
final class CacheControl {

  private CacheControl() {}

  static void reportIfMarked(JsonNode node, Degradations degradations) {
    if (node.has("cache_control")) {
      degradations.report(
          "cache_control was dropped: OpenAI-compatible upstreams cache prompt prefixes on their"
              + " own.");
    }
  }
}
