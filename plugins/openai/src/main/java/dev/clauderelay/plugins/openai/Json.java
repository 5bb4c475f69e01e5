package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The plugin's JSON plumbing: one shared mapper (thread-safe and never reconfigured after it is
 * built) and the small null-tolerant readers the translations use.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree failed to serialize", e);
    }
  }

  /** Parses JSON text; {@code null} when it is not JSON. */
  static JsonNode parseOrNull(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  static JsonNode parseOrNull(byte[] bytes) {
    try {
      return bytes.length == 0 ? null : MAPPER.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  /** The text of a string field, or {@code null} when absent, null or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** A string or number field as text (error codes come as either), or {@code null}. */
  static String scalar(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && (value.isTextual() || value.isNumber()) ? value.asText() : null;
  }

  static boolean isEmpty(String text) {
    return text == null || text.isEmpty();
  }

  /** {@code text} as a quoted JSON string, for events written without building a tree. */
  static String quote(String text) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }
}
