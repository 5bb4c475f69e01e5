package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The plugin's JSON reading and node building, kept in one place so every class parses alike. */
final class Json {

  /** Configured once and never changed: ObjectMapper is thread-safe when used only to read. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** Parses one upstream JSON document. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Gemini sent data that is not JSON: " + abbreviate(json), e);
    }
  }

  /** Parses bytes that may not be JSON at all (an HTML error page): missing node then. */
  static JsonNode parseLeniently(byte[] body) {
    if (body == null || body.length == 0) {
      return NODES.missingNode();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null ? NODES.missingNode() : node;
    } catch (IOException e) {
      return NODES.missingNode();
    }
  }

  /** The text of a string field, or {@code null} when absent, null or empty. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      return null;
    }
    return value.asText();
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
