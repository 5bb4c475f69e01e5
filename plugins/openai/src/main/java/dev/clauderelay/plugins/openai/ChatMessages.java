package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.ServerToolHistory;
import java.util.Map;
import java.util.Set;

/**
 * The conversation: Anthropic {@code messages} as OpenAI chat messages, turn by turn. A user turn
 * becomes its tool messages and then one user message; an assistant turn one assistant message with
 * its text, its thinking as {@code reasoning_content} and its tool uses as {@code tool_calls}.
 */
final class ChatMessages {

  private final String model;
  private final Degradations degradations;
  private final SystemPrompt systemPrompt;
  private final ToolResults toolResults;

  ChatMessages(String model, SystemPrompt systemPrompt, Degradations degradations) {
    this.model = model;
    this.degradations = degradations;
    this.systemPrompt = systemPrompt;
    this.toolResults = new ToolResults(degradations);
  }

  void add(JsonNode messages, ArrayNode out) {
    int count = messages.size();
    for (int i = 0; i < count; i++) {
      JsonNode message = messages.get(i);
      reportMessageFields(message);
      String role = message.path("role").asText();
      JsonNode content = message.path("content");
      switch (role) {
        case "user" -> addUserMessage(content, out);
        case "assistant" -> {
          addAssistantMessage(content, out);
          if (i == count - 1) {
            degradations.report(
                "The final assistant message (a prefill) was sent as a finished turn:"
                    + " OpenAI-compatible upstreams answer after it rather than continue it.");
          }
        }
        // Claude Code puts its environment block here, between user turns: kept in place.
        case "system" -> systemPrompt.add(content, out);
        default ->
            degradations.report(
                "A message with role \"" + role + "\" was dropped: the upstream has no such role.");
      }
    }
  }

  /** The deferred tools that {@code tool_reference} blocks in the conversation have loaded. */
  Set<String> loadedTools() {
    return toolResults.loadedTools();
  }

  private void reportMessageFields(JsonNode message) {
    for (Map.Entry<String, JsonNode> field : message.properties()) {
      String name = field.getKey();
      if (!name.equals("role") && !name.equals("content")) {
        degradations.report(
            "The message field "
                + name
                + " was dropped: OpenAI-compatible messages carry only role and content.");
      }
    }
  }

  /**
   * A user turn: its tool results first, as {@code tool} messages (OpenAI wants them right after
   * the assistant's tool calls), then the rest of its content as one user message.
   */
  private void addUserMessage(JsonNode content, ArrayNode out) {
    if (content.isTextual()) {
      out.addObject().put("role", "user").put("content", content.asText());
      return;
    }
    UserContent userContent = new UserContent(degradations);
    for (JsonNode block : content) {
      CacheControl.reportIfMarked(block, degradations);
      String type = block.path("type").asText();
      switch (type) {
        case "text" -> userContent.text(block.path("text").asText(), block);
        case "image" -> userContent.image(block);
        case "tool_result" -> toolResults.add(block, userContent, out);
        case "document" -> userContent.document(block);
        default ->
            degradations.report(
                "A "
                    + type
                    + " block was dropped: OpenAI-compatible upstreams have no equivalent.");
      }
    }
    if (!userContent.isEmpty()) {
      ObjectNode message = out.addObject().put("role", "user");
      message.set("content", userContent.toContent());
    }
  }

  private void addAssistantMessage(JsonNode content, ArrayNode out) {
    ObjectNode message = Json.object().put("role", "assistant");
    if (content.isTextual()) {
      out.add(message.put("content", content.asText()));
      return;
    }
    StringBuilder text = new StringBuilder();
    StringBuilder reasoning = new StringBuilder();
    ArrayNode toolCalls = Json.array();
    for (JsonNode block : content) {
      CacheControl.reportIfMarked(block, degradations);
      String type = block.path("type").asText();
      switch (type) {
        case "text" -> {
          TextBlocks.append(text, block.path("text").asText());
          if (block.hasNonNull("citations")) {
            degradations.report("Citations on assistant text were dropped.");
          }
        }
        case "thinking" -> TextBlocks.append(reasoning, block.path("thinking").asText());
        case "redacted_thinking" ->
            degradations.report(
                "A redacted_thinking block was dropped: only Anthropic can read its encrypted"
                    + " reasoning.");
        case "tool_use" -> toolCalls.add(toolCall(block));
        default -> {
          String serverToolText =
              ServerToolHistory.isServerToolBlock(type) ? ServerToolHistory.asText(block) : null;
          if (serverToolText != null) {
            TextBlocks.append(text, serverToolText);
            degradations.report(ServerToolHistory.degradation(type, true, "the upstream"));
          } else if (ServerToolHistory.isServerToolBlock(type)) {
            degradations.report(ServerToolHistory.degradation(type, false, "the upstream"));
          } else {
            degradations.report(
                "A "
                    + type
                    + " block in an assistant turn was dropped: OpenAI-compatible upstreams have"
                    + " no equivalent.");
          }
        }
      }
    }
    // null with tool calls is how OpenAI itself answers, so every compatible server takes it back.
    if (text.length() > 0 || toolCalls.isEmpty()) {
      message.put("content", text.toString());
    } else {
      message.putNull("content");
    }
    if (reasoning.length() > 0
        || (!toolCalls.isEmpty() && ModelQuirks.needsReasoningOnToolCallTurns(model))) {
      message.put("reasoning_content", reasoning.toString());
    }
    if (!toolCalls.isEmpty()) {
      message.set("tool_calls", toolCalls);
    }
    out.add(message);
  }

  private static ObjectNode toolCall(JsonNode toolUse) {
    ObjectNode call = Json.object();
    call.put("id", toolUse.path("id").asText());
    call.put("type", "function");
    ObjectNode function = call.putObject("function");
    function.put("name", toolUse.path("name").asText());
    JsonNode input = toolUse.get("input");
    function.put("arguments", input == null || input.isNull() ? "{}" : Json.write(input));
    return call;
  }
}
