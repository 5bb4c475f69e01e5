package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gemini's {@code usageMetadata} as Anthropic usage. Gemini's prompt count includes the cached
 * tokens and Anthropic's {@code input_tokens} does not, so the cached part moves to {@code
 * cache_read_input_tokens}; thought tokens are billed as output by both, so they join {@code
 * output_tokens}. Gemini caches implicitly and reports no cache writes.
 */
final class Usage {

  private Usage() {}

  static ObjectNode from(JsonNode usageMetadata) {
    long cached = usageMetadata.path("cachedContentTokenCount").asLong(0);
    long prompt =
        usageMetadata.path("promptTokenCount").asLong(0)
            + usageMetadata.path("toolUsePromptTokenCount").asLong(0);
    long output =
        usageMetadata.path("candidatesTokenCount").asLong(0)
            + usageMetadata.path("thoughtsTokenCount").asLong(0);
    ObjectNode usage = Json.object();
    usage.put("input_tokens", Math.max(0, prompt - cached));
    usage.put("cache_creation_input_tokens", 0);
    usage.put("cache_read_input_tokens", cached);
    usage.put("output_tokens", output);
    return usage;
  }
}
