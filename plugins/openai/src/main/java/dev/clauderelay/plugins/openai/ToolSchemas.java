package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Cleans a JSON Schema (a tool's {@code input_schema}, a structured output's schema) of what
 * OpenAI-compatible providers reject, keeping everything that tells the model something.
 *
 * <p>Removed: {@code $schema} (Claude Code declares draft 2020-12; some providers' validators know
 * only draft 7 and refuse the key), and {@code format} values outside the set OpenAI's structured
 * outputs accept, since providers that validate schemas reject the others ({@code uri} above all).
 * Kept: {@code additionalProperties: false}, {@code exclusiveMinimum} and the rest, which every
 * provider of the presets accepts. The walk follows the keywords whose values are schemas, so a
 * property that happens to be called {@code format} or {@code $schema} is left alone.
 */
final class ToolSchemas {

  /** A cleaned schema, and whether it meets OpenAI's rules for {@code strict: true}. */
  record Cleaned(JsonNode schema, boolean strictCompatible) {}

  private static final Set<String> DROPPED_KEYWORDS = Set.of("$schema");

  private static final Set<String> KEPT_FORMATS =
      Set.of("date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");

  private static final Set<String> SCHEMA_VALUED =
      Set.of(
          "items",
          "additionalProperties",
          "not",
          "contains",
          "propertyNames",
          "if",
          "then",
          "else",
          "additionalItems",
          "unevaluatedItems",
          "unevaluatedProperties");

  private static final Set<String> SCHEMA_LISTS =
      Set.of("anyOf", "oneOf", "allOf", "prefixItems", "items");

  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

  private ToolSchemas() {}

  static Cleaned clean(JsonNode schema, Degradations degradations) {
    Walk walk = new Walk(degradations);
    JsonNode cleaned = walk.schema(schema);
    return new Cleaned(cleaned, walk.strictCompatible);
  }

  /** One walk over one schema, noting on the way whether it could be sent as strict. */
  private static final class Walk {

    private final Degradations degradations;
    private boolean strictCompatible = true;

    Walk(Degradations degradations) {
      this.degradations = degradations;
    }

    JsonNode schema(JsonNode node) {
      if (!node.isObject()) {
        return node; // boolean schemas and malformed values go through as they are
      }
      noteStrictness(node);
      ObjectNode out = Json.object();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String keyword = field.getKey();
        JsonNode value = field.getValue();
        if (DROPPED_KEYWORDS.contains(keyword)) {
          continue;
        }
        if (keyword.equals("format")
            && value.isTextual()
            && !KEPT_FORMATS.contains(value.asText())) {
          degradations.report(
              "JSON Schema format \""
                  + value.asText()
                  + "\" removed: OpenAI-compatible providers that validate schemas reject it.");
          continue;
        }
        if (SCHEMA_VALUED.contains(keyword) && value.isObject()) {
          out.set(keyword, schema(value));
        } else if (SCHEMA_LISTS.contains(keyword) && value.isArray()) {
          ArrayNode list = out.putArray(keyword);
          value.forEach(item -> list.add(schema(item)));
        } else if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
          ObjectNode map = out.putObject(keyword);
          value.properties().forEach(entry -> map.set(entry.getKey(), schema(entry.getValue())));
        } else {
          out.set(keyword, value); // enum, const, default, required...: data, not schemas
        }
      }
      return out;
    }

    /** OpenAI strict mode wants every object closed and every property required. */
    private void noteStrictness(JsonNode node) {
      JsonNode properties = node.get("properties");
      boolean isObject = "object".equals(node.path("type").asText()) || properties != null;
      if (!isObject) {
        return;
      }
      if (!node.path("additionalProperties").isBoolean()
          || node.path("additionalProperties").asBoolean()) {
        strictCompatible = false;
        return;
      }
      if (properties != null && properties.isObject()) {
        Set<String> required = new HashSet<>();
        node.path("required").forEach(name -> required.add(name.asText()));
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
          if (!required.contains(property.getKey())) {
            strictCompatible = false;
            return;
          }
        }
      }
    }
  }
}
