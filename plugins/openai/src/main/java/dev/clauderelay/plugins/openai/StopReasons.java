package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * OpenAI {@code finish_reason} to Anthropic {@code stop_reason}: one table for streams and complete
 * answers.
 */
final class StopReasons {

  /** DeepSeek's finish reason when its servers cut an answer short: an upstream failure. */
  static final String OUT_OF_CAPACITY = "insufficient_system_resource";

  /**
   * {@code content_filter} becomes {@code refusal}: the upstream stopped the answer for policy
   * reasons, which is what Anthropic's refusal says; {@code end_turn} would pass a cut answer off
   * as complete.
   */
  private static final Map<String, String> BY_FINISH_REASON =
      Map.of(
          "stop", "end_turn",
          "length", "max_tokens",
          "tool_calls", "tool_use",
          "function_call", "tool_use",
          "content_filter", "refusal");

  private StopReasons() {}

  /**
   * The stop reason for an answer.
   *
   * @param finishReason the upstream's, or {@code null} when it never sent one
   * @param hadToolCalls whether the answer holds tool_use blocks: some servers finish those with
   *     {@code stop} or nothing, yet the client must run the tools
   * @param refused whether the answer carried an OpenAI {@code refusal}
   * @param stopSequence the stop sequence the upstream says it matched, or {@code null}
   */
  static String stopReason(
      String finishReason, boolean hadToolCalls, boolean refused, String stopSequence) {
    String mapped = finishReason == null ? null : BY_FINISH_REASON.get(finishReason);
    if ("max_tokens".equals(mapped) || "refusal".equals(mapped)) {
      return mapped;
    }
    // tool_use follows the blocks, not the upstream's word: a tool_calls finish whose calls were
    // all dropped must not leave the client waiting to run tools it never received.
    if (hadToolCalls) {
      return "tool_use";
    }
    if (refused) {
      return "refusal";
    }
    return stopSequence != null ? "stop_sequence" : "end_turn";
  }

  /**
   * The stop string that ended the answer, when the server says so: vLLM's {@code stop_reason} and
   * SGLang's {@code matched_stop} (both may also hold a token id, which is no stop sequence).
   */
  static String matchedStopSequence(JsonNode choice) {
    for (String field : new String[] {"stop_reason", "matched_stop"}) {
      JsonNode value = choice.get(field);
      if (value != null && value.isTextual() && !value.asText().isEmpty()) {
        return value.asText();
      }
    }
    return null;
  }
}
