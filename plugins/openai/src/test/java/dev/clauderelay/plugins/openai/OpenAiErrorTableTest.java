package dev.clauderelay.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.support.openai.OpenAiErrorTable;
import dev.clauderelay.plugin.support.openai.UpstreamErrorBody;
import dev.clauderelay.plugin.testkit.GoldenCases;
import dev.clauderelay.plugin.testkit.GoldenFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code src/test/resources/errors/*}: each directory holds one recorded-style upstream error
 * answer and the classification it gets. Directory names start with the table row they exercise;
 * every row has at least one.
 */
class OpenAiErrorTableTest {

  /** 2026-01-01T00:00:00Z, when every fixture answer "arrived". */
  private static final long RECEIVED = 1_767_225_600_000L;

  private final AnthropicToOpenAiTransformer transformer = new AnthropicToOpenAiTransformer();

  static Stream<Path> fixtures() {
    return GoldenCases.directories(Cases.ERRORS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void classifiesAsTheGoldenFileSays(Path dir) {
    assertThat(dir.resolve("README")).isRegularFile();
    UpstreamAnswer answer = answer(dir);
    ErrorClassification classification = transformer.classifyError(answer);
    String row = OpenAiErrorTable.rowName(answer.status(), UpstreamErrorBody.parse(answer.body()));

    assertThat(dir.getFileName().toString()).startsWith(row);
    ObjectNode golden = GoldenCases.PRETTY.createObjectNode();
    golden.put("row", row);
    golden.put("errorClass", classification.errorClass().name());
    golden.put(
        "untilDelayMillis",
        classification.untilEpochMillis() == 0 ? 0 : classification.untilEpochMillis() - RECEIVED);
    golden.put("clientType", classification.clientType().wireName());
    golden.put("clientStatus", classification.toGatewayError(answer.status()).httpStatus());
    golden.put("message", classification.message());
    GoldenFiles.assertMatches(
        dir.resolve("classification.golden.json"), GoldenCases.pretty(golden));
  }

  @Test
  void everyTableRowHasAFixture() {
    Set<String> covered = new TreeSet<>();
    fixtures()
        .forEach(
            dir -> {
              UpstreamAnswer answer = answer(dir);
              covered.add(
                  OpenAiErrorTable.rowName(
                      answer.status(), UpstreamErrorBody.parse(answer.body())));
            });

    assertThat(covered).containsExactlyInAnyOrderElementsOf(OpenAiErrorTable.rowNames());
  }

  @Test
  void tellsClientsNothingAboutUrlsKeysOrOrganisations() {
    List<String> messages = new ArrayList<>();
    fixtures().forEach(dir -> messages.add(transformer.classifyError(answer(dir)).message()));

    assertThat(messages)
        .allSatisfy(
            message ->
                assertThat(message.toLowerCase(Locale.ROOT))
                    .doesNotContain("://", "sk-", "org-", "bearer", ".com", "9f86d081"));
  }

  @Test
  void neverSendsAClientErrorOrAKeyProblemToTheClientAsItsOwnCredentialOrBillingProblem() {
    Set<String> clientTypes =
        fixtures()
            .map(dir -> transformer.classifyError(answer(dir)).clientType().wireName())
            .collect(Collectors.toSet());

    assertThat(clientTypes).doesNotContain("authentication_error", "billing_error");
  }

  private static UpstreamAnswer answer(Path dir) {
    JsonNode fixture = GoldenCases.readJson(dir.resolve("answer.json"));
    Map<String, List<String>> headers = new HashMap<>();
    fixture
        .path("headers")
        .properties()
        .forEach(
            header -> {
              List<String> values = new ArrayList<>();
              header.getValue().forEach(value -> values.add(value.asText()));
              headers.put(header.getKey().toLowerCase(Locale.ROOT), values);
            });
    byte[] body =
        fixture.has("body")
            ? fixture.get("body").toString().getBytes(StandardCharsets.UTF_8)
            : fixture.path("bodyText").asText().getBytes(StandardCharsets.UTF_8);
    return new UpstreamAnswer(fixture.path("status").asInt(), headers, body, RECEIVED);
  }
}
