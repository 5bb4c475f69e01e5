package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Usage;

/**
 * Reads Gemini's {@code usageMetadata}. Gemini's prompt count includes the cached tokens, and its
 * tool-use prompt tokens are prompt too; thought tokens are billed as output by both Gemini and
 * Anthropic. Gemini caches implicitly and reports no cache writes.
 */
final class GeminiUsage {

  private GeminiUsage() {}

  static Usage of(JsonNode usageMetadata) {
    long prompt =
        usageMetadata.path("promptTokenCount").asLong(0)
            + usageMetadata.path("toolUsePromptTokenCount").asLong(0);
    long output =
        usageMetadata.path("candidatesTokenCount").asLong(0)
            + usageMetadata.path("thoughtsTokenCount").asLong(0);
    return Usage.ofCachedWithinPrompt(
        prompt, usageMetadata.path("cachedContentTokenCount").asLong(0), output);
  }
}
