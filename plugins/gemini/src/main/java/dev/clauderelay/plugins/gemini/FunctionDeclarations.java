package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Anthropic {@code tools} as Gemini {@code functionDeclarations}, their input schemas rewritten by
 * {@link GeminiSchema}, and {@code tool_choice} as Gemini's {@code toolConfig}. Server tools run
 * only on Anthropic's servers and are dropped.
 */
final class FunctionDeclarations {

  private final Degradations degradations;
  private final SortedSet<String> lostSchemaKeywords = new TreeSet<>();

  FunctionDeclarations(Degradations degradations) {
    this.degradations = degradations;
  }

  /** The declarations of the custom tools among {@code tools}; empty when there are none. */
  ArrayNode of(JsonNode tools) {
    ArrayNode declarations = Json.array();
    for (JsonNode tool : tools) {
      String type = tool.path("type").asText("custom");
      if (!type.equals("custom")) {
        degradations.report(
            "The Anthropic server tool " + type + " was dropped: Gemini cannot run it.");
        continue;
      }
      declarations.add(declaration(tool));
    }
    return declarations;
  }

  /** The {@code toolConfig} for {@code toolChoice}, or {@code null} to leave Gemini's default. */
  ObjectNode toolConfig(JsonNode toolChoice) {
    if (toolChoice == null || !toolChoice.isObject()) {
      return null;
    }
    if (toolChoice.path("disable_parallel_tool_use").asBoolean(false)) {
      degradations.report(
          "disable_parallel_tool_use was dropped: Gemini cannot forbid parallel calls.");
    }
    ObjectNode config = Json.object();
    switch (toolChoice.path("type").asText()) {
      case "auto" -> config.put("mode", "AUTO");
      case "any" -> config.put("mode", "ANY");
      case "none" -> config.put("mode", "NONE");
      case "tool" -> {
        config.put("mode", "ANY");
        config.putArray("allowedFunctionNames").add(toolChoice.path("name").asText());
      }
      default -> {
        degradations.report("tool_choice of an unknown type was dropped.");
        return null;
      }
    }
    ObjectNode toolConfig = Json.object();
    toolConfig.set("functionCallingConfig", config);
    return toolConfig;
  }

  /** Says, in one sentence, which schema keywords the declarations so far had to lose. */
  void reportLostSchemaKeywords() {
    if (!lostSchemaKeywords.isEmpty()) {
      degradations.report(
          "Tool schemas lost keywords Gemini does not take: "
              + String.join(", ", lostSchemaKeywords)
              + ".");
    }
  }

  private ObjectNode declaration(JsonNode tool) {
    ObjectNode declaration = Json.object();
    declaration.put("name", tool.path("name").asText());
    if (tool.hasNonNull("description")) {
      declaration.set("description", tool.get("description"));
    }
    JsonNode inputSchema = tool.get("input_schema");
    if (inputSchema != null && inputSchema.isObject()) {
      GeminiSchema schema = GeminiSchema.of(inputSchema, false);
      ObjectNode parameters = schema.convert();
      lostSchemaKeywords.addAll(schema.lostKeywords());
      if (!GeminiSchema.isEmptyObject(parameters)) {
        declaration.set("parameters", parameters);
      }
    }
    for (Iterator<String> names = tool.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      switch (field) {
        case "name", "description", "input_schema", "type" -> {
          // translated above
        }
        case "cache_control" -> DroppedContent.cacheControl(tool, degradations);
        case "defer_loading" ->
            degradations.report(
                "defer_loading was ignored: Gemini has no tool search, deferred tools are declared"
                    + " up front.");
        case "strict" ->
            degradations.report("strict was dropped: Gemini does not validate tool input.");
        default ->
            degradations.report(
                "The tool field " + field + " has no Gemini equivalent and was dropped.");
      }
    }
    return declaration;
  }
}
