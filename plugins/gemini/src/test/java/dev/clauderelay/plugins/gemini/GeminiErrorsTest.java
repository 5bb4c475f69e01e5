package dev.clauderelay.plugins.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.testkit.GoldenFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One fixture per row of the error table, in Gemini's real error shapes. */
class GeminiErrorsTest {

  /** 13:30 in Los Angeles (PST), a Thursday. */
  private static final Instant RECEIVED = Instant.parse("2026-11-26T21:30:00Z");

  private final AnthropicToGeminiTransformer transformer = new AnthropicToGeminiTransformer();

  static Stream<Path> errorCases() {
    return Cases.withFile(Cases.ERRORS, "answer.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCases")
  void classifiesTheErrorAnswerAsItsGoldenSays(Path dir) {
    UpstreamAnswer answer = answer(Cases.read(dir.resolve("answer.json")));

    ErrorClassification classification = transformer.classifyError(answer);

    ObjectNode actual = Cases.object("{}");
    actual.put("row", GeminiErrors.rowName(answer));
    actual.put("errorClass", classification.errorClass().name());
    actual.put("untilEpochMillis", classification.untilEpochMillis());
    if (classification.untilEpochMillis() > 0) {
      actual.put("until", Instant.ofEpochMilli(classification.untilEpochMillis()).toString());
    }
    if (classification.model() != null) {
      actual.put("model", classification.model());
    }
    actual.put("clientType", classification.clientType().wireName());
    actual.put("clientStatus", classification.toGatewayError(answer.status()).httpStatus());
    actual.put("message", classification.message());
    GoldenFiles.assertMatches(dir.resolve("classification.golden.json"), Cases.pretty(actual));
  }

  @Test
  void everyTableRowHasAFixture() {
    Set<String> covered = new TreeSet<>();
    errorCases()
        .forEach(
            dir ->
                covered.add(GeminiErrors.rowName(answer(Cases.read(dir.resolve("answer.json"))))));

    assertThat(covered).containsExactlyInAnyOrderElementsOf(GeminiErrors.rowNames());
  }

  @Test
  void aPerModelQuotaRestsTheKeyForThatModelAndAProjectQuotaForAll() {
    UpstreamAnswer perModel = answer(Cases.read(Cases.ERRORS.resolve("quota-per-day/answer.json")));
    UpstreamAnswer perMinute =
        answer(Cases.read(Cases.ERRORS.resolve("rate-limit-retry-info/answer.json")));
    UpstreamAnswer projectWide =
        answer(Cases.read(Cases.ERRORS.resolve("quota-per-day-project-wide/answer.json")));

    assertThat(transformer.classifyError(perModel).modelScoped()).isTrue();
    assertThat(transformer.classifyError(perModel).model()).isEqualTo("gemini-2.5-flash");
    assertThat(transformer.classifyError(perMinute).model()).isEqualTo("gemini-2.5-pro");
    assertThat(transformer.classifyError(projectWide).modelScoped()).isFalse();
  }

  @Test
  void dailyQuotaResetsAtTheNextMidnightInLosAngelesAcrossDaylightSavingChanges() {
    // 2026-03-08 is the spring-forward day: midnight is still 08:00Z (PST), the next one 07:00Z.
    assertThat(GeminiErrors.nextQuotaDay(Instant.parse("2026-03-08T07:59:59Z").toEpochMilli()))
        .isEqualTo(Instant.parse("2026-03-08T08:00:00Z").toEpochMilli());
    assertThat(GeminiErrors.nextQuotaDay(Instant.parse("2026-03-08T08:00:00Z").toEpochMilli()))
        .isEqualTo(Instant.parse("2026-03-09T07:00:00Z").toEpochMilli());
    assertThat(GeminiErrors.nextQuotaDay(Instant.parse("2026-07-01T06:59:00Z").toEpochMilli()))
        .isEqualTo(Instant.parse("2026-07-01T07:00:00Z").toEpochMilli());
  }

  @Test
  void readsProtobufDurationsToTheMillisecondRoundingUp() {
    assertThat(GeminiErrors.protoDurationMillis("37s")).isEqualTo(37_000);
    assertThat(GeminiErrors.protoDurationMillis("0.5s")).isEqualTo(500);
    assertThat(GeminiErrors.protoDurationMillis("41.207153813s")).isEqualTo(41_208);
    assertThat(GeminiErrors.protoDurationMillis("soon")).isEqualTo(-1);
    assertThat(GeminiErrors.protoDurationMillis("-3s")).isEqualTo(-1);
  }

  @Test
  void readsAnErrorWrappedInAnArrayAsTheNonSseStreamEndpointSendsIt() {
    UpstreamAnswer answer =
        new UpstreamAnswer(
            429,
            Map.of(),
            ("[{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"2s\"}]}}]")
                .getBytes(StandardCharsets.UTF_8),
            RECEIVED.toEpochMilli());

    assertThat(transformer.classifyError(answer).untilEpochMillis())
        .isEqualTo(RECEIVED.toEpochMilli() + 2_000);
  }

  @Test
  void anErrorChunkInAStreamBecomesTheGatewayErrorOfItsRow() {
    GatewayError error =
        GeminiErrors.midStream(
            Cases.parse("{\"code\":429,\"message\":\"x\",\"status\":\"RESOURCE_EXHAUSTED\"}"));

    assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMIT);
    assertThat(error.httpStatus()).isEqualTo(429);
  }

  private static UpstreamAnswer answer(JsonNode fixture) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    fixture
        .path("headers")
        .properties()
        .forEach(
            header -> {
              List<String> values = new ArrayList<>();
              header.getValue().forEach(value -> values.add(value.asText()));
              headers.put(header.getKey(), values);
            });
    String body =
        fixture.has("body") ? fixture.get("body").toString() : fixture.path("bodyText").asText();
    return new UpstreamAnswer(
        fixture.path("status").asInt(),
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        RECEIVED.toEpochMilli());
  }
}
