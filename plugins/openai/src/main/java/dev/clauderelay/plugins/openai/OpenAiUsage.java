package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Usage;

/**
 * Reads an OpenAI {@code usage} object. OpenAI counts cached prompt tokens inside {@code
 * prompt_tokens}, as Anthropic does not; completion tokens include reasoning, as Anthropic's output
 * tokens include thinking.
 */
final class OpenAiUsage {

  private OpenAiUsage() {}

  static Usage of(JsonNode usage) {
    long prompt = firstNumber(usage, "prompt_tokens", "input_tokens");
    long completion = firstNumber(usage, "completion_tokens", "output_tokens");
    // OpenAI, Qwen and GLM report prompt_tokens_details.cached_tokens; DeepSeek reports
    // prompt_cache_hit_tokens (and, lately, both). Either is a count of the same tokens.
    long cached =
        Math.max(
            usage.path("prompt_tokens_details").path("cached_tokens").asLong(0),
            usage.path("prompt_cache_hit_tokens").asLong(0));
    return Usage.ofCachedWithinPrompt(prompt, cached, completion);
  }

  private static long firstNumber(JsonNode usage, String name, String alternative) {
    JsonNode value = usage.get(name);
    if (value == null || !value.isNumber()) {
      value = usage.get(alternative);
    }
    return value != null && value.isNumber() ? value.asLong() : 0;
  }
}
