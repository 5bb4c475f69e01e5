package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Rewrites a JSON Schema (a tool's {@code input_schema}, a structured output schema) into the
 * OpenAPI subset Gemini's {@code Schema} object takes, which rejects the whole request on a keyword
 * it does not know.
 *
 * <p>What changes, and why:
 *
 * <ul>
 *   <li>kept as they are: {@code type, format, title, description, nullable, enum, items,
 *       properties, required, min/maxItems, min/maxLength, pattern, minimum, maximum,
 *       min/maxProperties, anyOf, default, example, propertyOrdering};
 *   <li>{@code $ref} to {@code #/$defs/...} or {@code #/definitions/...} is inlined (Gemini has no
 *       references); a recursive reference stops at an untyped object; {@code allOf} is merged into
 *       one schema; {@code oneOf} becomes {@code anyOf};
 *   <li>{@code type: [T, "null"]} becomes {@code type: T, nullable: true}; several types become an
 *       {@code anyOf}; a missing type is inferred from {@code properties}, {@code items} or {@code
 *       enum} ("type must be specified" otherwise), and a schema that allows any value becomes an
 *       {@code anyOf} of the JSON types;
 *   <li>a string {@code const} becomes a one-value {@code enum}; enums of non-strings and formats
 *       other than {@code enum}/{@code date-time} (strings), {@code float}/{@code double}
 *       (numbers), {@code int32}/{@code int64} (integers) are removed: Gemini rejects them;
 *   <li>{@code required} keeps only declared properties, which Gemini insists on;
 *   <li>annotations with no effect on the model's output ({@code $schema, $id, $comment, examples,
 *       readOnly, writeOnly, deprecated}) are removed silently; every other keyword ({@code
 *       additionalProperties, exclusiveMinimum, multipleOf, uniqueItems, not, patternProperties,
 *       if/then/else}...) is removed and named in {@link #lostKeywords()} so the degradation report
 *       says what the model no longer sees.
 * </ul>
 */
final class GeminiSchema {

  private static final Set<String> KEPT_AS_IS =
      Set.of(
          "title",
          "description",
          "default",
          "example",
          "pattern",
          "minItems",
          "maxItems",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "minProperties",
          "maxProperties",
          "propertyOrdering",
          "nullable");

  /** Handled by the conversion itself. */
  private static final Set<String> STRUCTURAL =
      Set.of(
          "type",
          "format",
          "enum",
          "const",
          "items",
          "properties",
          "required",
          "anyOf",
          "oneOf",
          "allOf",
          "$ref",
          "$defs",
          "definitions");

  /** The reference and the definitions it points into, consumed by inlining. */
  private static final Set<String> REFERENCE_KEYWORDS = Set.of("$ref", "$defs", "definitions");

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema",
          "$id",
          "$comment",
          "$anchor",
          "examples",
          "readOnly",
          "writeOnly",
          "deprecated");

  private static final Map<String, Set<String>> FORMATS =
      Map.of(
          "string", Set.of("enum", "date-time"),
          "number", Set.of("float", "double"),
          "integer", Set.of("int32", "int64"));

  private static final List<String> JSON_TYPES =
      List.of("string", "number", "integer", "boolean", "object", "array");

  private final JsonNode root;
  private final boolean keepPropertyOrder;
  private final SortedSet<String> lost = new TreeSet<>();
  private final SchemaDefinitions definitions;
  private final Deque<String> resolving = new ArrayDeque<>();

  private GeminiSchema(JsonNode root, boolean keepPropertyOrder) {
    this.root = root;
    this.keepPropertyOrder = keepPropertyOrder;
    this.definitions = new SchemaDefinitions(root, lost);
  }

  /**
   * A converter for one schema document.
   *
   * @param keepPropertyOrder add {@code propertyOrdering}, so structured output keeps the client's
   *     property order (Gemini sorts properties otherwise)
   */
  static GeminiSchema of(JsonNode root, boolean keepPropertyOrder) {
    return new GeminiSchema(root, keepPropertyOrder);
  }

  /** The schema document in Gemini's form; the input is never modified. */
  ObjectNode convert() {
    return convert(root);
  }

  /** The constraint keywords the conversion had to remove, sorted. */
  SortedSet<String> lostKeywords() {
    return lost;
  }

  /** Whether a converted schema is an object that declares no property (Gemini wants none). */
  static boolean isEmptyObject(ObjectNode schema) {
    return "object".equals(schema.path("type").asText())
        && schema.path("properties").size() == 0
        && !schema.has("anyOf");
  }

  private ObjectNode convert(JsonNode schema) {
    if (!schema.isObject()) {
      return anyValue(null); // true, or {}: any value is allowed
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      return convertReference(ref.asText(), schema);
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      return convert(definitions.mergeAllOf(schema, allOf));
    }
    ObjectNode out = Json.object();
    String type = convertType(schema, out);
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String key = field.getKey();
      if (KEPT_AS_IS.contains(key)) {
        out.set(key, field.getValue());
      } else if (!STRUCTURAL.contains(key) && !ANNOTATIONS.contains(key)) {
        lost.add(key);
      }
    }
    convertEnum(schema, type, out);
    convertFormat(schema, type, out);
    convertProperties(schema, out);
    convertItems(schema, out);
    convertAlternatives(schema, out);
    if (!out.has("type") && !out.has("anyOf")) {
      return anyValue(out);
    }
    return out;
  }

  /** Sets {@code type} (and {@code nullable}); returns the type, or null when none is known. */
  private String convertType(JsonNode schema, ObjectNode out) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      if (type.asText().equals("null")) {
        out.put("nullable", true);
        return null;
      }
      out.put("type", type.asText());
      return type.asText();
    }
    if (type != null && type.isArray()) {
      ArrayNode types = Json.array();
      for (JsonNode each : type) {
        if (each.asText().equals("null")) {
          out.put("nullable", true);
        } else {
          types.add(each.asText());
        }
      }
      if (types.size() == 1) {
        out.put("type", types.get(0).asText());
        return types.get(0).asText();
      }
      if (types.size() > 1) {
        ArrayNode anyOf = out.putArray("anyOf");
        types.forEach(t -> anyOf.add(Json.object().put("type", t.asText())));
      }
      return null;
    }
    String inferred = inferType(schema);
    if (inferred != null) {
      out.put("type", inferred);
    }
    return inferred;
  }

  private static String inferType(JsonNode schema) {
    if (schema.has("properties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    if (schema.has("enum") || schema.path("const").isTextual()) {
      return "string";
    }
    return null;
  }

  private void convertEnum(JsonNode schema, String type, ObjectNode out) {
    JsonNode constant = schema.get("const");
    if (constant != null) {
      if (constant.isTextual() && "string".equals(type)) {
        out.putArray("enum").add(constant);
      } else {
        lost.add("const");
      }
    }
    JsonNode values = schema.get("enum");
    if (values == null) {
      return;
    }
    ArrayNode strings = Json.array();
    for (JsonNode value : values) {
      if (value.isNull()) {
        out.put("nullable", true);
      } else if (value.isTextual()) {
        strings.add(value);
      } else {
        lost.add("enum");
        return;
      }
    }
    if ("string".equals(type)) {
      out.set("enum", strings);
    } else {
      lost.add("enum");
    }
  }

  private void convertFormat(JsonNode schema, String type, ObjectNode out) {
    JsonNode format = schema.get("format");
    if (format == null) {
      return;
    }
    if (type != null && FORMATS.getOrDefault(type, Set.of()).contains(format.asText())) {
      out.set("format", format);
    } else {
      lost.add("format");
    }
  }

  private void convertProperties(JsonNode schema, ObjectNode out) {
    JsonNode properties = schema.get("properties");
    if (properties == null || !properties.isObject()) {
      return;
    }
    ObjectNode converted = Json.object();
    ArrayNode order = Json.array();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      converted.set(property.getKey(), convert(property.getValue()));
      order.add(property.getKey());
    }
    if (converted.isEmpty()) {
      return; // an object with no declared property: Gemini rejects an empty properties map
    }
    out.set("properties", converted);
    if (keepPropertyOrder && !out.has("propertyOrdering") && order.size() > 1) {
      out.set("propertyOrdering", order);
    }
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      ArrayNode declared = Json.array();
      for (JsonNode name : required) {
        if (converted.has(name.asText())) {
          declared.add(name);
        }
      }
      if (!declared.isEmpty()) {
        out.set("required", declared);
      }
    }
  }

  private void convertItems(JsonNode schema, ObjectNode out) {
    JsonNode items = schema.get("items");
    if (items == null) {
      return;
    }
    if (items.isArray()) {
      lost.add("items (tuple)");
      out.set("items", items.isEmpty() ? anyValue(null) : convert(items.get(0)));
    } else {
      out.set("items", convert(items));
    }
  }

  /** {@code anyOf} and {@code oneOf}, whose exclusivity Gemini cannot express, as one anyOf. */
  private void convertAlternatives(JsonNode schema, ObjectNode out) {
    for (String keyword : List.of("anyOf", "oneOf")) {
      JsonNode alternatives = schema.get(keyword);
      if (alternatives == null || !alternatives.isArray()) {
        continue;
      }
      ArrayNode anyOf = out.has("anyOf") ? (ArrayNode) out.get("anyOf") : out.putArray("anyOf");
      for (JsonNode alternative : alternatives) {
        if ("null".equals(alternative.path("type").asText())) {
          out.put("nullable", true);
        } else {
          anyOf.add(convert(alternative));
        }
      }
      if (anyOf.size() == 1 && !out.has("type")) {
        ObjectNode only = (ObjectNode) anyOf.get(0);
        out.remove("anyOf");
        only.properties().forEach(f -> out.putIfAbsent(f.getKey(), f.getValue()));
      }
    }
  }

  private ObjectNode convertReference(String ref, JsonNode schema) {
    JsonNode target = definitions.resolve(ref);
    if (target == null) {
      lost.add("$ref");
      return anyValue(descriptionOnly(schema));
    }
    if (resolving.contains(ref)) {
      lost.add("$ref (recursive)");
      ObjectNode stop = descriptionOnly(schema);
      stop.put("type", "object");
      return stop;
    }
    resolving.push(ref);
    ObjectNode converted = convert(target);
    resolving.pop();
    // Keywords next to $ref (a description, mostly) describe this use and win over the target's.
    for (Map.Entry<String, JsonNode> sibling : schema.properties()) {
      if (KEPT_AS_IS.contains(sibling.getKey())) {
        converted.set(sibling.getKey(), sibling.getValue());
      } else if (!REFERENCE_KEYWORDS.contains(sibling.getKey())
          && !ANNOTATIONS.contains(sibling.getKey())) {
        lost.add(sibling.getKey());
      }
    }
    return converted;
  }

  private static ObjectNode descriptionOnly(JsonNode schema) {
    ObjectNode out = Json.object();
    if (schema.has("description")) {
      out.set("description", schema.get("description"));
    }
    return out;
  }

  /**
   * A schema for any JSON value, which Gemini cannot state directly ("type must be specified"): an
   * anyOf of every JSON type, keeping the description and other kept keywords of {@code base}.
   */
  private static ObjectNode anyValue(ObjectNode base) {
    ObjectNode out = base == null ? Json.object() : base;
    ArrayNode anyOf = out.putArray("anyOf");
    JSON_TYPES.forEach(type -> anyOf.add(Json.object().put("type", type)));
    return out;
  }
}
