package dev.clauderelay.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.testkit.GoldenCases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolSchemasTest {

  private final List<String> degradations = new ArrayList<>();

  @Test
  void removesSchemaKeywordsButNotPropertiesNamedLikeThem() {
    JsonNode cleaned =
        clean(
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                    + "\"properties\":{\"$schema\":{\"type\":\"string\"},"
                    + "\"format\":{\"type\":\"string\",\"format\":\"uri\"}}}")
            .schema();

    assertThat(cleaned.toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"$schema\":{\"type\":\"string\"},"
                + "\"format\":{\"type\":\"string\"}}}");
    assertThat(degradations).hasSize(1);
  }

  @Test
  void leavesDataKeywordsAloneEvenWhenTheyLookLikeSchemas() {
    String schema =
        "{\"type\":\"string\",\"enum\":[\"uri\"],\"default\":{\"format\":\"uri\"},"
            + "\"examples\":[{\"$schema\":\"x\"}]}";

    assertThat(clean(schema).schema().toString()).isEqualTo(schema);
  }

  @Test
  void callsASchemaStrictCompatibleOnlyWhenEveryObjectIsClosedAndFullyRequired() {
    assertThat(
            clean(
                    "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"object\","
                        + "\"properties\":{\"b\":{\"type\":\"string\"}},\"required\":[\"b\"],"
                        + "\"additionalProperties\":false}},\"required\":[\"a\"],"
                        + "\"additionalProperties\":false}")
                .strictCompatible())
        .isTrue();
    assertThat(
            clean(
                    "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"object\","
                        + "\"properties\":{\"b\":{\"type\":\"string\"}}}},\"required\":[\"a\"],"
                        + "\"additionalProperties\":false}")
                .strictCompatible())
        .isFalse();
  }

  private ToolSchemas.Cleaned clean(String schema) {
    return ToolSchemas.clean(GoldenCases.readJsonText(schema), new Degradations(degradations::add));
  }
}
