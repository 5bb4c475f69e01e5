package dev.clauderelay.plugin.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token usage in Anthropic's terms, as {@code message_start}, {@code message_delta} and a whole
 * message carry it. Anthropic counts prompt tokens read from the cache apart from {@code
 * input_tokens}; the relay's upstreams report no cache writes, so {@code
 * cache_creation_input_tokens} is always 0.
 *
 * <p>An immutable value: safe to share between threads.
 *
 * @param inputTokens prompt tokens not read from the cache
 * @param outputTokens output tokens, reasoning included (Anthropic bills thinking as output)
 * @param cacheReadTokens prompt tokens read from the upstream's prompt cache
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadTokens) {

  /** No tokens: what a stream reports before the upstream has said anything. */
  public static final Usage NONE = new Usage(0, 0, 0);

  /**
   * Usage from an upstream that counts cached tokens inside its prompt count, as OpenAI and Gemini
   * do: the cached part moves out of {@code input_tokens}. A cached count above the prompt count is
   * taken as the whole prompt.
   */
  public static Usage ofCachedWithinPrompt(
      long promptTokens, long cachedTokens, long outputTokens) {
    long cached = Math.min(cachedTokens, promptTokens);
    return new Usage(promptTokens - cached, outputTokens, cached);
  }

  /** The same usage with another output count ({@code message_start} reports 0 output). */
  public Usage withOutputTokens(long tokens) {
    return new Usage(inputTokens, tokens, cacheReadTokens);
  }

  /** Anthropic's {@code usage} object, fields in the order Anthropic writes them; a new node. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("input_tokens", inputTokens);
    json.put("cache_creation_input_tokens", 0);
    json.put("cache_read_input_tokens", cacheReadTokens);
    json.put("output_tokens", outputTokens);
    return json;
  }
}
