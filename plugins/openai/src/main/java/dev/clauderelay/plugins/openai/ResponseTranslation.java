package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.support.AnthropicMessages;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.ToolUseIds;
import dev.clauderelay.plugin.support.Usage;
import dev.clauderelay.plugin.support.openai.OpenAiErrorTable;
import dev.clauderelay.plugin.support.openai.UpstreamErrorBody;

/**
 * Translates a complete OpenAI chat completion into an Anthropic {@code message}: blocks in
 * Anthropic's order (thinking, text, tool_use), the stop reason from the shared table, usage with
 * cached prompt tokens counted apart.
 *
 * <p>Tool arguments that are not valid JSON become {@code {}} and are reported as a degradation:
 * Anthropic's {@code input} must be an object, and a client that runs the tool with empty input
 * gets a validation error it can show the model, which then retries, instead of a failed request.
 */
final class ResponseTranslation {

  private ResponseTranslation() {}

  static ObjectNode toMessage(JsonNode response, TranslationContext context) {
    Degradations degradations = new Degradations(context.degradation());
    if (response.hasNonNull("error")) {
      // Some servers answer 200 with an error body; it means what it would mean with a status.
      ErrorClassification classification =
          OpenAiErrorTable.classifyInStream(UpstreamErrorBody.of(response));
      throw new GatewayError(classification.clientType(), classification.message());
    }
    JsonNode choice = response.path("choices").path(0);
    if (!choice.isObject()) {
      throw new GatewayError(ErrorType.API, "The upstream answered without a completion.");
    }
    String finishReason = Json.text(choice, "finish_reason");
    if (StopReasons.OUT_OF_CAPACITY.equals(finishReason)) {
      throw new GatewayError(
          ErrorType.OVERLOADED,
          "The upstream ran out of capacity before finishing the answer; retry.");
    }
    JsonNode message = choice.path("message");

    ArrayNode content = Json.array();
    String reasoning = OpenAiMessageFields.reasoningOf(message);
    if (!Json.isEmpty(reasoning)) {
      content.add(AnthropicMessages.thinkingBlock(reasoning, ""));
    }
    String text = OpenAiMessageFields.textOf(message.get("content"));
    if (!Json.isEmpty(text)) {
      content.add(AnthropicMessages.textBlock(text));
    }
    String refusal = Json.text(message, "refusal");
    if (!Json.isEmpty(refusal)) {
      content.add(AnthropicMessages.textBlock(refusal));
    }
    int toolCalls = 0;
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      String id = Json.text(call, "id");
      content.add(
          AnthropicMessages.toolUseBlock(
              Json.isEmpty(id) ? ToolUseIds.synthetic(context.messageId(), toolCalls) : id,
              function.path("name").asText(),
              input(function.get("arguments"), degradations)));
      toolCalls++;
    }
    String stopSequence = StopReasons.matchedStopSequence(choice);
    String stopReason =
        StopReasons.stopReason(finishReason, toolCalls > 0, !Json.isEmpty(refusal), stopSequence);
    JsonNode usage = response.get("usage");
    return AnthropicMessages.message(
        context.messageId(),
        context.requestedModel(),
        content,
        stopReason,
        "stop_sequence".equals(stopReason) ? stopSequence : null,
        usage != null && usage.isObject() ? OpenAiUsage.of(usage) : Usage.NONE);
  }

  private static JsonNode input(JsonNode arguments, Degradations degradations) {
    if (arguments != null && arguments.isObject()) {
      return arguments; // a few servers send the object itself
    }
    String text = arguments == null || arguments.isNull() ? "" : arguments.asText();
    if (text.isBlank()) {
      return Json.object();
    }
    JsonNode parsed = Json.parseOrNull(text);
    if (parsed != null && parsed.isObject()) {
      return parsed;
    }
    degradations.report(
        "Tool call arguments that were not a JSON object were replaced by {}: the upstream sent"
            + " malformed arguments.");
    return Json.object();
  }
}
