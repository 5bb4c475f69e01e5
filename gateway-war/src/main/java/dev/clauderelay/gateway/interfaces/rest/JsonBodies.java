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

  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw invalid("The request body is empty; send a JSON object.");
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
