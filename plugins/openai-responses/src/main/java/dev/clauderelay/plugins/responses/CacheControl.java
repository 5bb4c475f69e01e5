package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Degradations;

/**
 * Anthropic's {@code cache_control} markers, on blocks and tools: dropped, since the Responses API
 * caches prompt prefixes by itself; {@code prompt_cache_key} keeps a conversation on one cache.
 */
final class CacheControl {

  private CacheControl() {}

  static void reportIfMarked(JsonNode node, Degradations degradations) {
    if (node != null && node.has("cache_control")) {
      degradations.report(
          "cache_control was dropped: the Responses API caches prompt prefixes by itself,"
              + " keyed by prompt_cache_key.");
    }
  }
}
