package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anthropic {@code tools} and {@code tool_choice} as OpenAI function tools and {@code tool_choice}.
 * Server tools run only on Anthropic's servers and are dropped; deferred tools are left out until a
 * {@code tool_reference} loads them, as Anthropic's tool search would.
 */
final class FunctionTools {

  private final Degradations degradations;

  FunctionTools(Degradations degradations) {
    this.degradations = degradations;
  }

  /**
   * Adds the function tools and the tool choice to {@code body}.
   *
   * @param loadedTools the deferred tools the conversation has loaded
   */
  void add(JsonNode tools, JsonNode toolChoice, Set<String> loadedTools, ObjectNode body) {
    boolean hasTools = addTools(tools, loadedTools, body);
    addToolChoice(toolChoice, hasTools, body);
  }

  /** Adds the function tools; returns whether any was added. */
  private boolean addTools(JsonNode tools, Set<String> loadedTools, ObjectNode body) {
    if (tools == null || !tools.isArray() || tools.isEmpty()) {
      return false;
    }
    ArrayNode out = Json.array();
    List<String> deferred = new ArrayList<>();
    for (JsonNode tool : tools) {
      String name = tool.path("name").asText();
      String type = tool.path("type").asText("custom");
      if (!type.equals("custom")) {
        degradations.report(
            "The server tool "
                + name
                + " ("
                + type
                + ") was dropped: it runs only on Anthropic's servers.");
        continue;
      }
      if (tool.path("defer_loading").asBoolean(false) && !loadedTools.contains(name)) {
        deferred.add(name);
        continue;
      }
      out.add(functionTool(tool));
    }
    if (!deferred.isEmpty()) {
      degradations.report(
          deferred.size()
              + " deferred tool(s) left out until a tool_reference loads them, as Anthropic"
              + " would: "
              + String.join(", ", deferred)
              + ".");
    }
    if (out.isEmpty()) {
      return false;
    }
    body.set("tools", out);
    return true;
  }

  private ObjectNode functionTool(JsonNode tool) {
    ObjectNode function = Json.object();
    for (Map.Entry<String, JsonNode> field : tool.properties()) {
      switch (field.getKey()) {
        case "name", "type", "defer_loading" -> {
          // name is written first below; type and defer_loading were handled by the caller
        }
        case "cache_control" -> CacheControl.reportIfMarked(tool, degradations);
        case "description", "input_schema", "strict" -> {
          // written below, in OpenAI's order
        }
        default ->
            degradations.report(
                "The tool field "
                    + field.getKey()
                    + " was dropped: OpenAI function tools have no equivalent.");
      }
    }
    function.put("name", tool.path("name").asText());
    if (tool.hasNonNull("description")) {
      function.set("description", tool.get("description"));
    }
    JsonNode schema = tool.get("input_schema");
    function.set(
        "parameters",
        schema == null || !schema.isObject()
            ? Json.object().put("type", "object").set("properties", Json.object())
            : ToolSchemas.clean(schema, degradations).schema());
    if (tool.has("strict")) {
      function.set("strict", tool.get("strict"));
    }
    ObjectNode wrapper = Json.object();
    wrapper.put("type", "function");
    wrapper.set("function", function);
    return wrapper;
  }

  private void addToolChoice(JsonNode choice, boolean hasTools, ObjectNode body) {
    if (choice == null || !choice.isObject()) {
      return;
    }
    String type = choice.path("type").asText();
    if (!hasTools) {
      if (type.equals("any") || type.equals("tool")) {
        degradations.report("tool_choice was dropped: no function tool is left to choose from.");
      }
      return;
    }
    switch (type) {
      case "auto" -> body.put("tool_choice", "auto");
      case "any" -> body.put("tool_choice", "required");
      case "none" -> body.put("tool_choice", "none");
      case "tool" -> {
        ObjectNode named = body.putObject("tool_choice");
        named.put("type", "function");
        named.putObject("function").put("name", choice.path("name").asText());
      }
      default ->
          degradations.report(
              "tool_choice \"" + type + "\" was dropped: the upstream has no equivalent.");
    }
    if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
      body.put("parallel_tool_calls", false);
    }
  }
}
