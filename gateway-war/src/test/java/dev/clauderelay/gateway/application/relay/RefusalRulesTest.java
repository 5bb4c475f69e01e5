package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RefusalRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = Path.of("src/test/resources/refusals");

  static Stream<Path> fixtures() throws IOException {
    return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void eachRecordedRefusalIsFixedByItsOwnRuleAndTheFixRemovesTheRefusedField(Path fixture)
      throws IOException {
    JsonNode recorded = JSON.readTree(fixture.toFile());
    String id = fixture.getFileName().toString().replace(".json", "");
    RefusalRules.Rule rule = find(recorded, (ObjectNode) recorded.get("sent"));

    assertThat(rule).as(id).isNotNull();
    assertThat(rule.id()).isEqualTo(id);
    ObjectNode fixed = recorded.get("sent").deepCopy();
    assertThat(rule.removeFrom(fixed)).isPositive();
    assertThat(find(recorded, fixed)).as("the fixed request no longer matches").isNull();
    assertThat(rule.sentence()).isNotBlank();
  }

  @Test
  void everyShippedRuleHasAFixture() throws IOException {
    List<String> fixtureIds =
        fixtures().map(p -> p.getFileName().toString().replace(".json", "")).toList();
    assertThat(RefusalRules.shipped().rules())
        .extracting(RefusalRules.Rule::id)
        .containsExactlyInAnyOrderElementsOf(fixtureIds);
  }

  @Test
  void removesAFieldInEveryToolAndOnlyThere() throws IOException {
    RefusalRules.Rule strict =
        RefusalRules.shipped().rules().stream()
            .filter(r -> r.id().equals("openai-strict-tools-unsupported"))
            .findFirst()
            .orElseThrow();
    ObjectNode request =
        (ObjectNode)
            JSON.readTree(
                "{\"response_format\":{\"json_schema\":{\"strict\":true}},\"tools\":["
                    + "{\"function\":{\"name\":\"a\",\"strict\":true}},"
                    + "{\"function\":{\"name\":\"b\",\"strict\":false}}]}");
    assertThat(strict.removeFrom(request)).isEqualTo(2);
    assertThat(request.toString())
        .isEqualTo(
            "{\"response_format\":{\"json_schema\":{\"strict\":true}},\"tools\":["
                + "{\"function\":{\"name\":\"a\"}},{\"function\":{\"name\":\"b\"}}]}");
  }

  @Test
  void anUnrelatedRefusalOrAnotherKindOfUpstreamIsNotRetried() throws IOException {
    ObjectNode sent =
        (ObjectNode) JSON.readTree("{\"model\":\"gpt-4o\",\"reasoning_effort\":\"high\"}");
    byte[] contextLength =
        ("{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(
            RefusalRules.shipped()
                .find("openai", "api.openai.com", "gpt-4o", 400, contextLength, sent))
        .isNull();
    byte[] refusal =
        "{\"error\":{\"message\":\"Unsupported parameter: 'reasoning_effort' is not supported with this model.\"}}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(RefusalRules.shipped().find("gemini", "x", "gpt-4o", 400, refusal, sent)).isNull();
    assertThat(RefusalRules.shipped().find("openai", "x", "gpt-4o", 422, refusal, sent)).isNull();
    ObjectNode without = (ObjectNode) JSON.readTree("{\"model\":\"gpt-4o\"}");
    assertThat(RefusalRules.shipped().find("openai", "x", "gpt-4o", 400, refusal, without))
        .as("nothing to remove: the refusal is answered as it is")
        .isNull();
  }

  private static RefusalRules.Rule find(JsonNode recorded, ObjectNode sent) throws IOException {
    String kind = recorded.path("sent").has("contents") ? "gemini" : "openai";
    return RefusalRules.shipped()
        .find(
            kind,
            "upstream.example",
            recorded.path("model").asText(),
            recorded.path("status").asInt(),
            JSON.writeValueAsBytes(recorded.get("body")),
            sent);
  }
}
