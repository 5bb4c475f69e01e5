package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.Usage;
import dev.clauderelay.plugin.support.openai.OpenAiErrorTable;
import dev.clauderelay.plugin.support.openai.UpstreamErrorBody;

/**
 * What a finished Responses API {@code response} object means in Anthropic's terms, shared by the
 * whole-answer and the stream translations: its stop reason, its usage, and the error a failed one
 * carries.
 *
 * <p><b>Purity and threading:</b> functions of their arguments, callable from any thread.
 */
final class ResponseOutcome {

  private ResponseOutcome() {}

  /**
   * {@code max_output_tokens} -> {@code max_tokens}; {@code content_filter} -> {@code refusal}; a
   * function call -> {@code tool_use}; a refusal part -> {@code refusal}; else {@code end_turn}.
   */
  static String stopReason(JsonNode response, boolean calledTools, boolean refused) {
    String reason = Json.text(response.path("incomplete_details"), "reason");
    if ("incomplete".equals(Json.text(response, "status")) || reason != null) {
      if ("max_output_tokens".equals(reason)) {
        return "max_tokens";
      }
      if ("content_filter".equals(reason)) {
        return "refusal";
      }
    }
    if (calledTools) {
      return "tool_use";
    }
    return refused ? "refusal" : "end_turn";
  }

  /**
   * Anthropic usage: the upstream counts cached tokens inside {@code input_tokens}; Anthropic
   * reports them apart, so they move to {@code cache_read_input_tokens}.
   */
  static Usage usage(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return Usage.NONE;
    }
    return Usage.ofCachedWithinPrompt(
        usage.path("input_tokens").asLong(0),
        usage.path("input_tokens_details").path("cached_tokens").asLong(0),
        usage.path("output_tokens").asLong(0));
  }

  /** The error of a failed response, or of an {@code error} event, as the client sees it. */
  static GatewayError error(JsonNode error) {
    ObjectNode wrapped = Json.object();
    wrapped.set("error", error == null || error.isNull() ? Json.object() : error);
    ErrorClassification classification =
        OpenAiErrorTable.classifyInStream(UpstreamErrorBody.of(wrapped));
    return new GatewayError(classification.clientType(), classification.message());
  }
}
