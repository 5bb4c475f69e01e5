package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Json;
import java.util.List;
import java.util.Set;

/**
 * What {@link GeminiSchema} needs to undo the JSON Schema features Gemini lacks within one schema
 * document: {@code $ref} pointers into its {@code $defs} or {@code definitions}, and {@code allOf}
 * merged into one schema.
 */
final class SchemaDefinitions {

  private final JsonNode root;
  private final Set<String> lost;

  /**
   * @param root the schema document, whose definitions references point into
   * @param lost where to name what cannot be resolved
   */
  SchemaDefinitions(JsonNode root, Set<String> lost) {
    this.root = root;
    this.lost = lost;
  }

  /** The schema {@code ref} points to, or {@code null} when it points outside the document. */
  JsonNode resolve(String ref) {
    for (String prefix : List.of("#/$defs/", "#/definitions/")) {
      if (ref.startsWith(prefix)) {
        return root.path(prefix.substring(2, prefix.length() - 1))
            .get(unescape(ref.substring(prefix.length())));
      }
    }
    return "#".equals(ref) ? root : null;
  }

  /** allOf as one schema: properties and required lists united, other keywords first one wins. */
  JsonNode mergeAllOf(JsonNode schema, JsonNode allOf) {
    ObjectNode merged = Json.object();
    schema.properties().forEach(f -> merged.set(f.getKey(), f.getValue()));
    merged.remove("allOf");
    ObjectNode properties = Json.object();
    ArrayNode required = Json.array();
    mergeInto(schema, properties, required);
    for (JsonNode part : allOf) {
      JsonNode resolved = part.has("$ref") ? resolve(part.get("$ref").asText()) : part;
      if (resolved == null || !resolved.isObject()) {
        lost.add("allOf");
        continue;
      }
      resolved.properties().forEach(f -> merged.putIfAbsent(f.getKey(), f.getValue()));
      mergeInto(resolved, properties, required);
    }
    if (!properties.isEmpty()) {
      merged.set("properties", properties);
    }
    if (!required.isEmpty()) {
      merged.set("required", required);
    }
    return merged;
  }

  private static void mergeInto(JsonNode schema, ObjectNode properties, ArrayNode required) {
    schema
        .path("properties")
        .properties()
        .forEach(f -> properties.putIfAbsent(f.getKey(), f.getValue()));
    for (JsonNode name : schema.path("required")) {
      boolean present = false;
      for (JsonNode existing : required) {
        present |= existing.asText().equals(name.asText());
      }
      if (!present) {
        required.add(name);
      }
    }
  }

  private static String unescape(String pointerToken) {
    return pointerToken.replace("~1", "/").replace("~0", "~");
  }
}
