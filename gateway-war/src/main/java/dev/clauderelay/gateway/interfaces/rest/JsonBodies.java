package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/** Reads small admin request bodies, answering malformed input with a message naming the field. */
public final class JsonBodies {

  private JsonBodies() {}

  /** Deeper bodies are refused before parsing: the parser recurses once per level. */
  static final int MAX_NESTING = 32;

  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw invalid("The request body is empty; send a JSON object.");
    }
    if (nestingDepth(body) > MAX_NESTING) {
      throw invalid("The request body nests deeper than " + MAX_NESTING + " levels.");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw invalid("The request body must be a JSON object.");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw invalid(
          "The request body is not valid JSON (line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ").");
    } catch (JsonException e) {
      throw invalid("The request body is not valid JSON.");
    }
  }

  /** The deepest nesting of objects and arrays in {@code json}, strings skipped; linear. */
  static int nestingDepth(String json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return deepest;
  }

  /** A required string field, not blank. */
  public static String requiredString(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw invalid("Field '" + field + "' is required.");
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid("Field '" + field + "' must be a string.");
    }
    String text = ((JsonString) value).getString();
    if (text.isBlank()) {
      throw invalid("Field '" + field + "' must not be empty.");
    }
    return text;
  }

  public static GatewayError invalid(String message) {
    return new GatewayError(ErrorType.INVALID_REQUEST, message);
  }
}
