package dev.clauderelay.plugins.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class GeminiSchemaTest {

  @Test
  void stopsARecursiveReferenceAtAnUntypedObjectAndSaysSo() {
    JsonNode schema =
        Cases.parse(
            """
            {"$ref":"#/definitions/Tree","definitions":{"Tree":{"type":"object",
              "properties":{"kids":{"type":"array","items":{"$ref":"#/definitions/Tree"}}}}}}
            """);
    GeminiSchema converter = GeminiSchema.of(schema, false);

    ObjectNode converted = converter.convert();

    assertThat(converted.path("properties").path("kids").path("items").toString())
        .isEqualTo("{\"type\":\"object\"}");
    assertThat(converter.lostKeywords()).containsExactly("$ref (recursive)");
  }

  @Test
  void leavesTheClientsSchemaAsItWas() {
    ObjectNode schema =
        Cases.object(
            "{\"type\":[\"string\",\"null\"],\"const\":\"x\",\"additionalProperties\":false}");
    JsonNode before = schema.deepCopy();

    GeminiSchema.of(schema, true).convert();

    assertThat(schema).isEqualTo(before);
  }

  @Test
  void keepsAStringConstAsAOneValueEnumAndDropsOtherConsts() {
    GeminiSchema strings =
        GeminiSchema.of(Cases.parse("{\"type\":\"string\",\"const\":\"a\"}"), false);
    GeminiSchema numbers = GeminiSchema.of(Cases.parse("{\"type\":\"number\",\"const\":3}"), false);

    assertThat(strings.convert().toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"a\"]}");
    assertThat(numbers.convert().toString()).isEqualTo("{\"type\":\"number\"}");
    assertThat(numbers.lostKeywords()).containsExactly("const");
  }

  @Test
  void recognisesAnObjectWithoutPropertiesAsNoParameters() {
    ObjectNode converted =
        GeminiSchema.of(Cases.parse("{\"type\":\"object\",\"properties\":{}}"), false).convert();

    assertThat(GeminiSchema.isEmptyObject(converted)).isTrue();
  }

  @Test
  void ordersStructuredOutputPropertiesAsTheClientDeclaredThem() {
    ObjectNode converted =
        GeminiSchema.of(
                Cases.parse(
                    "{\"type\":\"object\",\"properties\":{\"z\":{\"type\":\"string\"},"
                        + "\"a\":{\"type\":\"string\"}}}"),
                true)
            .convert();

    assertThat(converted.path("propertyOrdering").toString()).isEqualTo("[\"z\",\"a\"]");
  }
}
