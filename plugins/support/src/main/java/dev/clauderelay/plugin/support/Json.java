package dev.clauderelay.plugin.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON plumbing of a provider plugin: tree builders, parsing, writing, and the null-tolerant
 * readers translations use on upstream JSON whose fields may be absent, null or of another type.
 *
 * <p><b>Purity:</b> every method is a function of its arguments; the one {@link ObjectMapper} is
 * configured once and never changed. <b>Threading:</b> any method may be called from any number of
 * threads at once. <b>Nullability:</b> readers take a {@code null} node as one without the field
 * and answer {@code null} for a missing value; builders and writers never return {@code null}.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** A new, empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new, empty array node. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * {@code node} as compact JSON text.
   *
   * @throws UncheckedIOException only when the tree holds a POJO that cannot be serialized; trees
   *     built from JSON never do
   */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree failed to serialize", e);
    }
  }

  /**
   * Parses text that should be JSON, such as an upstream's stream chunk.
   *
   * @return the tree; a missing node when {@code text} is blank
   * @throws UncheckedIOException when {@code text} is not JSON; its cause says where it broke
   */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not JSON", e);
    }
  }

  /** Parses JSON text; {@code null} when it is {@code null}, empty or not JSON. */
  public static JsonNode parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return present(MAPPER.readTree(text));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Parses bytes that may not be JSON at all (an HTML page from a proxy); {@code null} when they
   * are {@code null}, empty or not JSON.
   */
  public static JsonNode parseOrNull(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      return present(MAPPER.readTree(bytes));
    } catch (IOException e) {
      return null;
    }
  }

  /** The text of a string field; {@code null} when absent, null or not a string. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** The text of a string field; {@code null} when absent, null, not a string or empty. */
  public static String nonEmptyText(JsonNode node, String field) {
    String text = text(node, field);
    return isEmpty(text) ? null : text;
  }

  /** A string or number field as text (error codes come as either); {@code null} otherwise. */
  public static String scalar(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && (value.isTextual() || value.isNumber()) ? value.asText() : null;
  }

  /** Whether {@code text} is {@code null} or empty. */
  public static boolean isEmpty(String text) {
    return text == null || text.isEmpty();
  }

  /**
   * {@code text} as a quoted JSON string, escaped as Jackson writes it, for events written without
   * building a tree.
   */
  public static String quote(String text) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }

  /** Jackson reads empty or blank input as a missing node: no value, as far as callers care. */
  private static JsonNode present(JsonNode node) {
    return node == null || node.isMissingNode() ? null : node;
  }
}
