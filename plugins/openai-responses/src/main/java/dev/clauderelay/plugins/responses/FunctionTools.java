package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Anthropic client tools as Responses API function tools ({@code {type:"function", name,
 * description, parameters, strict:false}}: flat, unlike Chat Completions' nested {@code function}),
 * and {@code tool_choice} with {@code disable_parallel_tool_use}. Strict mode stays off because
 * client schemas (Claude Code's above all) use keywords strict mode refuses; Anthropic does not
 * enforce them either. Anthropic server tools (web search, code execution...) run on Anthropic's
 * side, so they are dropped and reported.
 */
final class FunctionTools {

  private static final Set<String> KNOWN_FIELDS =
      Set.of(
          "name",
          "type",
          "description",
          "input_schema",
          "cache_control",
          "defer_loading",
          "strict");

  private final Degradations degradations;

  FunctionTools(Degradations degradations) {
    this.degradations = degradations;
  }

  void add(JsonNode tools, JsonNode toolChoice, Set<String> loadedTools, ObjectNode body) {
    boolean any = false;
    if (tools != null && tools.isArray()) {
      ArrayNode functions = Json.array();
      List<String> deferred = new ArrayList<>();
      for (JsonNode tool : tools) {
        CacheControl.reportIfMarked(tool, degradations);
        String type = Json.text(tool, "type");
        if (type != null && !type.equals("custom")) {
          degradations.report(
              "The server tool "
                  + tool.path("name").asText(type)
                  + " ("
                  + type
                  + ") was dropped: it runs only on Anthropic's servers.");
          continue;
        }
        String name = tool.path("name").asText();
        if (tool.path("defer_loading").asBoolean(false) && !loadedTools.contains(name)) {
          deferred.add(name);
          continue;
        }
        reportUnknownFields(tool);
        ObjectNode function = functions.addObject();
        function.put("type", "function");
        function.put("name", tool.path("name").asText());
        String description = Json.text(tool, "description");
        if (description != null) {
          function.put("description", description);
        }
        JsonNode schema = tool.get("input_schema");
        function.set("parameters", parameters(schema));
        function.put("strict", false);
      }
      if (!deferred.isEmpty()) {
        degradations.report(
            deferred.size()
                + " deferred tool(s) left out until a tool_reference loads them, as Anthropic"
                + " would: "
                + String.join(", ", deferred)
                + ".");
      }
      if (!functions.isEmpty()) {
        body.set("tools", functions);
        any = true;
      }
    }
    if (toolChoice != null && toolChoice.isObject()) {
      addToolChoice(toolChoice, any, body);
    }
  }

  /**
   * The schema as it is, without a top-level {@code $schema}: Claude Code declares draft 2020-12,
   * which some Responses API servers' validators refuse; it tells the model nothing.
   */
  private static ObjectNode parameters(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      ObjectNode empty = Json.object().put("type", "object");
      empty.putObject("properties");
      return empty;
    }
    if (!schema.has("$schema")) {
      return (ObjectNode) schema;
    }
    ObjectNode copy = ((ObjectNode) schema).deepCopy();
    copy.remove("$schema");
    return copy;
  }

  private void reportUnknownFields(JsonNode tool) {
    tool.fieldNames()
        .forEachRemaining(
            field -> {
              if (!KNOWN_FIELDS.contains(field)) {
                degradations.report(
                    "The tool field "
                        + field
                        + " was dropped: Responses API function tools have no equivalent.");
              }
            });
  }

  private void addToolChoice(JsonNode toolChoice, boolean anyTools, ObjectNode body) {
    String type = toolChoice.path("type").asText("auto");
    if (!anyTools && !type.equals("none")) {
      return;
    }
    switch (type) {
      case "any" -> body.put("tool_choice", "required");
      case "none" -> body.put("tool_choice", "none");
      case "tool" ->
          body.putObject("tool_choice")
              .put("type", "function")
              .put("name", toolChoice.path("name").asText());
      default -> body.put("tool_choice", "auto");
    }
    if (toolChoice.path("disable_parallel_tool_use").asBoolean(false)) {
      body.put("parallel_tool_calls", false);
    }
  }
}
