package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.clauderelay.plugin.support.Degradations;
import java.util.HashSet;
import java.util.Set;

/**
 * Anthropic {@code tool_result} blocks as OpenAI {@code tool} messages, which carry text only; and
 * the deferred tools that a {@code tool_reference} in a result loads, which {@link FunctionTools}
 * then declares.
 */
final class ToolResults {

  private final Degradations degradations;
  private final Set<String> loadedTools;

  ToolResults(Degradations degradations) {
    this.degradations = degradations;
    this.loadedTools = new HashSet<>();
  }

  /**
   * Adds one {@code tool} message. Its images cannot stay in it, so they join the user message that
   * follows the tool messages ({@code userContent}), introduced by a line naming the call.
   */
  void add(JsonNode block, UserContent userContent, ArrayNode out) {
    String toolUseId = block.path("tool_use_id").asText();
    JsonNode content = block.get("content");
    StringBuilder text = new StringBuilder();
    if (content != null && content.isTextual()) {
      text.append(content.asText());
    } else if (content != null && content.isArray()) {
      for (JsonNode part : content) {
        CacheControl.reportIfMarked(part, degradations);
        String type = part.path("type").asText();
        switch (type) {
          case "text" -> TextBlocks.append(text, part.path("text").asText());
          case "image" -> {
            degradations.report(
                "Images in tool results were moved to a user message after the tool messages:"
                    + " OpenAI tool messages carry text only.");
            userContent.text("(image returned by tool call " + toolUseId + ")", part);
            userContent.image(part);
          }
          case "tool_reference" -> {
            String toolName = part.path("tool_name").asText();
            loadedTools.add(toolName);
            TextBlocks.append(text, "Tool " + toolName + " loaded.");
          }
          default ->
              degradations.report(
                  "A "
                      + type
                      + " block in a tool result was dropped: OpenAI tool messages carry text.");
        }
      }
    }
    String result = block.path("is_error").asBoolean(false) ? "Error: " + text : text.toString();
    out.addObject().put("role", "tool").put("tool_call_id", toolUseId).put("content", result);
  }

  /** The deferred tools the results so far have loaded. */
  Set<String> loadedTools() {
    return loadedTools;
  }
}
