package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.support.AnthropicMessages;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.ToolUseIds;

/**
 * Translates a complete Responses API {@code response} into an Anthropic {@code message}, output
 * item by output item in the upstream's order: {@code reasoning} -> thinking (its summary as the
 * text, its encrypted content in the signature), {@code message} -> text (refusals as text too),
 * {@code function_call} -> tool_use with {@code call_id} as the id. Items of other types (the
 * upstream's own tools) are reported and left out.
 *
 * <p>Tool arguments that are not a JSON object become {@code {}} and are reported, as in the {@code
 * openai} plugin: the client then answers with a validation error the model can fix.
 */
final class ResponseTranslation {

  private ResponseTranslation() {}

  static ObjectNode toMessage(JsonNode response, TranslationContext context) {
    Degradations degradations = new Degradations(context.degradation());
    String status = Json.text(response, "status");
    if ("failed".equals(status) || (response.hasNonNull("error") && !response.has("output"))) {
      throw ResponseOutcome.error(response.get("error"));
    }
    if (!response.path("output").isArray()) {
      throw new GatewayError(ErrorType.API, "The upstream answered without a response.");
    }
    ArrayNode content = Json.array();
    int toolCalls = 0;
    boolean refused = false;
    for (JsonNode item : response.path("output")) {
      switch (item.path("type").asText()) {
        case "reasoning" -> {
          String thinking = summary(item);
          String signature =
              ReasoningSignatures.encode(
                  Json.text(item, "id"), Json.text(item, "encrypted_content"));
          if (!thinking.isEmpty() || !signature.isEmpty()) {
            content.add(AnthropicMessages.thinkingBlock(thinking, signature));
          }
        }
        case "message" -> {
          for (JsonNode part : item.path("content")) {
            String text =
                switch (part.path("type").asText()) {
                  case "output_text" -> Json.text(part, "text");
                  case "refusal" -> {
                    refused = true;
                    yield Json.text(part, "refusal");
                  }
                  default -> null;
                };
            if (!Json.isEmpty(text)) {
              content.add(AnthropicMessages.textBlock(text));
            }
          }
        }
        case "function_call" -> {
          String callId = Json.nonEmptyText(item, "call_id");
          content.add(
              AnthropicMessages.toolUseBlock(
                  callId != null ? callId : ToolUseIds.synthetic(context.messageId(), toolCalls),
                  item.path("name").asText(),
                  input(item.get("arguments"), degradations)));
          toolCalls++;
        }
        default ->
            degradations.report(
                "An output item of type "
                    + item.path("type").asText("unknown")
                    + " was left out: Anthropic messages have no equivalent.");
      }
    }
    return AnthropicMessages.message(
        context.messageId(),
        context.requestedModel(),
        content,
        ResponseOutcome.stopReason(response, toolCalls > 0, refused),
        null,
        ResponseOutcome.usage(response.get("usage")));
  }

  /** A reasoning item's summary parts, joined by blank lines as the upstream shows them. */
  static String summary(JsonNode reasoning) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : reasoning.path("summary")) {
      String value = Json.text(part, "text");
      if (Json.isEmpty(value)) {
        continue;
      }
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(value);
    }
    return text.toString();
  }

  static JsonNode input(JsonNode arguments, Degradations degradations) {
    if (arguments != null && arguments.isObject()) {
      return arguments;
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
