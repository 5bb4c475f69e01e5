package dev.clauderelay.gateway.infrastructure.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.testkit.GoldenFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code src/test/resources/errors/anthropic/*}: one Anthropic error answer per directory (as
 * the upstream sends it, headers included, with a README naming the quirk) and the classification
 * it gets, golden; the directory's name (before {@code --}) is the row it exercises, and a row
 * added to the table without a fixture fails {@link #everyTableRowHasAFixture}. The same table's
 * reset-time arithmetic is tested in {@link AnthropicErrorClassifierTest}.
 */
class AnthropicErrorFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/errors/anthropic");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** 2026-01-01T00:00:00Z, when every fixture answer "arrived". */
  private static final long RECEIVED = 1_767_225_600_000L;

  static Stream<Path> fixtures() {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void classifiesAsTheGoldenFileSays(Path dir) throws IOException {
    assertThat(dir.resolve("README")).isRegularFile();
    UpstreamAnswer answer = answer(dir);
    ErrorClassification classification = AnthropicErrorClassifier.classify(answer);
    String row = AnthropicErrorClassifier.rowName(answer);

    assertThat(dir.getFileName().toString().split("--")[0]).isEqualTo(row.replace(' ', '-'));
    ObjectNode golden = JSON.createObjectNode();
    golden.put("row", row);
    golden.put("errorClass", classification.errorClass().name());
    golden.put(
        "untilDelayMillis",
        classification.untilEpochMillis() == 0 ? 0 : classification.untilEpochMillis() - RECEIVED);
    golden.put("clientType", classification.clientType().wireName());
    golden.put("clientStatus", classification.toGatewayError(answer.status()).httpStatus());
    golden.put("message", classification.message());
    GoldenFiles.assertMatches(
        dir.resolve("classification.golden.json"), JSON.writeValueAsString(golden) + "\n");
  }

  @Test
  void everyTableRowHasAFixture() {
    Set<String> covered = new TreeSet<>();
    fixtures().forEach(dir -> covered.add(AnthropicErrorClassifier.rowName(answer(dir))));

    assertThat(covered).containsExactlyInAnyOrderElementsOf(AnthropicErrorClassifier.rowNames());
  }

  @Test
  void neverTellsTheClientThatItsOwnCredentialsOrBillingAreWrong() {
    fixtures()
        .forEach(
            dir ->
                assertThat(AnthropicErrorClassifier.classify(answer(dir)).clientType().wireName())
                    .isNotIn("authentication_error", "billing_error"));
  }

  private static UpstreamAnswer answer(Path dir) {
    JsonNode fixture;
    try {
      fixture = JSON.readTree(dir.resolve("answer.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    String body =
        fixture.has("body") ? fixture.get("body").toString() : fixture.path("bodyText").asText();
    return new UpstreamAnswer(
        fixture.path("status").asInt(), headers, body.getBytes(StandardCharsets.UTF_8), RECEIVED);
  }
}
