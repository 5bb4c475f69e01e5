package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;

/**
 * Structured output: Anthropic's {@code output_config.format} (or the older {@code output_format})
 * as a {@code response_format} of type json_schema. It is sent {@code strict} when the schema meets
 * OpenAI's strict rules, since Anthropic's structured outputs are guaranteed; otherwise as
 * guidance, which is what a non-strict upstream can promise.
 */
final class ResponseFormat {

  private ResponseFormat() {}

  static void add(JsonNode request, ObjectNode body, Degradations degradations) {
    JsonNode format = request.path("output_config").get("format");
    if (format == null) {
      format = request.get("output_format");
    }
    if (format == null || format.isNull()) {
      return;
    }
    String type = format.path("type").asText();
    JsonNode schema = format.get("schema");
    if (!type.equals("json_schema") || schema == null || !schema.isObject()) {
      degradations.report(
          "The output format \"" + type + "\" was dropped: only json_schema has an equivalent.");
      return;
    }
    ToolSchemas.Cleaned cleaned = ToolSchemas.clean(schema, degradations);
    ObjectNode responseFormat = body.putObject("response_format");
    responseFormat.put("type", "json_schema");
    ObjectNode jsonSchema = responseFormat.putObject("json_schema");
    jsonSchema.put("name", "response");
    jsonSchema.set("schema", cleaned.schema());
    jsonSchema.put("strict", cleaned.strictCompatible());
  }
}
