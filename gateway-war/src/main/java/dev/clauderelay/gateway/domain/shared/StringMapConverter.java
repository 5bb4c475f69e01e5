package dev.clauderelay.gateway.domain.shared;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a string-to-string map as a JSON object in a text column, keeping its order. */
@Converter
public class StringMapConverter implements AttributeConverter<Map<String, String>, String> {

  @Override
  public String convertToDatabaseColumn(Map<String, String> values) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    if (values != null) {
      values.forEach(object::add);
    }
    return object.build().toString();
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String json) {
    Map<String, String> result = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return result;
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      reader.readObject().forEach((k, v) -> result.put(k, ((JsonString) v).getString()));
    }
    return result;
  }
}
