package dev.clauderelay.gateway.domain.model.route;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.List;

/** Stores fallback targets as a JSON array of {@code {"provider":..., "model":...}}. */
@Converter
public class RouteTargetListConverter implements AttributeConverter<List<RouteTarget>, String> {

  @Override
  public String convertToDatabaseColumn(List<RouteTarget> targets) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    if (targets != null) {
      for (RouteTarget target : targets) {
        JsonObjectBuilder object = Json.createObjectBuilder().add("provider", target.provider());
        if (target.model() != null) {
          object.add("model", target.model());
        }
        array.add(object);
      }
    }
    return array.build().toString();
  }

  @Override
  public List<RouteTarget> convertToEntityAttribute(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(
              o ->
                  new RouteTarget(
                      o.getString("provider"),
                      o.containsKey("model") && o.get("model") != JsonValue.NULL
                          ? o.getString("model")
                          : null))
          .toList();
    }
  }
}
