package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.TranslationContext;

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

    ObjectNode out = Json.NODES.objectNode();
    out.put("id", context.messageId());
    out.put("type", "message");
    out.put("role", "assistant");
    out.put("model", context.requestedModel());
    ArrayNode content = out.putArray("content");
    String reasoning = Json.text(message, "reasoning_content");
    if (Json.isEmpty(reasoning)) {
      reasoning = Json.text(message, "reasoning");
    }
    if (!Json.isEmpty(reasoning)) {
      content.addObject().put("type", "thinking").put("thinking", reasoning).put("signature", "");
    }
    String text = textOf(message.get("content"));
    if (!Json.isEmpty(text)) {
      content.addObject().put("type", "text").put("text", text);
    }
    String refusal = Json.text(message, "refusal");
    if (!Json.isEmpty(refusal)) {
      content.addObject().put("type", "text").put("text", refusal);
    }
    int toolCalls = 0;
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      ObjectNode block = content.addObject();
      block.put("type", "tool_use");
      String id = Json.text(call, "id");
      block.put("id", Json.isEmpty(id) ? syntheticToolId(context.messageId(), toolCalls) : id);
      block.put("name", function.path("name").asText());
      block.set("input", input(function.get("arguments"), degradations));
      toolCalls++;
    }
    String stopSequence = StopReasons.matchedStopSequence(choice);
    String stopReason =
        StopReasons.stopReason(finishReason, toolCalls > 0, !Json.isEmpty(refusal), stopSequence);
    out.put("stop_reason", stopReason);
    out.put("stop_sequence", "stop_sequence".equals(stopReason) ? stopSequence : null);
    JsonNode usage = response.get("usage");
    out.set("usage", (usage != null && usage.isObject() ? Usage.from(usage) : Usage.NONE).toJson());
    return out;
  }

  private static JsonNode input(JsonNode arguments, Degradations degradations) {
    if (arguments != null && arguments.isObject()) {
      return arguments; // a few servers send the object itself
    }
    String text = arguments == null || arguments.isNull() ? "" : arguments.asText();
    if (text.isBlank()) {
      return Json.NODES.objectNode();
    }
    JsonNode parsed = Json.parseOrNull(text);
    if (parsed != null && parsed.isObject()) {
      return parsed;
    }
    degradations.report(
        "Tool call arguments that were not a JSON object were replaced by {}: the upstream sent"
            + " malformed arguments.");
    return Json.NODES.objectNode();
  }

  private static String textOf(JsonNode content) {
    if (content == null || content.isNull()) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      String partText = Json.text(part, "text");
      if (partText != null) {
        text.append(partText);
      }
    }
    return text.toString();
  }

  static String syntheticToolId(String messageId, int index) {
    String suffix = messageId.startsWith("msg_") ? messageId.substring(4) : messageId;
    return "toolu_" + suffix + "_" + index;
  }
}
