package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token usage in Anthropic's terms, read from an OpenAI {@code usage} object. OpenAI counts cached
 * prompt tokens inside {@code prompt_tokens}; Anthropic counts them apart, so they are subtracted.
 *
 * @param inputTokens prompt tokens not read from the cache
 * @param outputTokens completion tokens, reasoning included (as Anthropic counts thinking)
 * @param cacheReadTokens prompt tokens read from the upstream's prompt cache
 */
record Usage(long inputTokens, long outputTokens, long cacheReadTokens) {

  static final Usage NONE = new Usage(0, 0, 0);

  static Usage from(JsonNode usage) {
    long prompt = firstNumber(usage, "prompt_tokens", "input_tokens");
    long completion = firstNumber(usage, "completion_tokens", "output_tokens");
    // OpenAI, Qwen and GLM report prompt_tokens_details.cached_tokens; DeepSeek reports
    // prompt_cache_hit_tokens (and, lately, both). Either is a count of the same tokens.
    long cached =
        Math.max(
            usage.path("prompt_tokens_details").path("cached_tokens").asLong(0),
            usage.path("prompt_cache_hit_tokens").asLong(0));
    cached = Math.min(cached, prompt);
    return new Usage(prompt - cached, completion, cached);
  }

  /** Anthropic's {@code usage} object, fields in the order Anthropic writes them. */
  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("input_tokens", inputTokens);
    json.put("cache_creation_input_tokens", 0);
    json.put("cache_read_input_tokens", cacheReadTokens);
    json.put("output_tokens", outputTokens);
    return json;
  }

  private static long firstNumber(JsonNode usage, String name, String alternative) {
    JsonNode value = usage.get(name);
    if (value == null || !value.isNumber()) {
      value = usage.get(alternative);
    }
    return value != null && value.isNumber() ? value.asLong() : 0;
  }
}
