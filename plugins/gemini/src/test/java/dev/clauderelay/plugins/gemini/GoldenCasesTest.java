package dev.clauderelay.plugins.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.support.AnthropicEvents;
import dev.clauderelay.plugin.testkit.AnthropicStreamGrammar;
import dev.clauderelay.plugin.testkit.GoldenFiles;
import dev.clauderelay.plugin.testkit.SseStreams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the fixture directories under {@code cases/}: each translates its inputs and compares with
 * its goldens ({@code -Dgolden.update=true} rewrites them; review every diff).
 */
class GoldenCasesTest {

  private static final long[] RECHUNKING_SEEDS = {1, 7, 42, 1234, 99991};

  private final AnthropicToGeminiTransformer transformer = new AnthropicToGeminiTransformer();

  static Stream<Path> requestCases() {
    return Cases.withFile(Cases.CASES, "client.json");
  }

  static Stream<Path> responseCases() {
    return Cases.withFile(Cases.CASES, "upstream.json");
  }

  static Stream<Path> streamCases() {
    return Cases.withFile(Cases.CASES, "upstream.sse");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestCases")
  void translatesTheClientRequestAsItsGoldenSays(Path dir) {
    ObjectNode client = Cases.readObject(dir.resolve("client.json"));
    JsonNode untouched = client.deepCopy();
    List<String> degraded = new ArrayList<>();

    UpstreamRequest upstream =
        transformer.toUpstream(
            client, Cases.context(client.path("stream").asBoolean(false), degraded::add));

    ObjectNode actual = Cases.object("{}");
    actual.put("path", upstream.path());
    actual.putPOJO("headers", upstream.headers());
    degraded.forEach(actual.putArray("degraded")::add);
    actual.set("body", upstream.body());
    GoldenFiles.assertMatches(dir.resolve("upstream.golden.json"), Cases.pretty(actual));
    assertThat(client).as("the client's request is left as it was").isEqualTo(untouched);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responseCases")
  void translatesTheUpstreamResponseAsItsGoldenSays(Path dir) {
    JsonNode upstream = Cases.read(dir.resolve("upstream.json"));

    JsonNode client;
    try {
      client = transformer.toClient(upstream, Cases.context(false));
    } catch (GatewayError error) {
      client = AnthropicEvents.errorBody(error);
    }

    GoldenFiles.assertMatches(dir.resolve("client.golden.json"), Cases.pretty(client));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamCases")
  void translatesTheUpstreamStreamAsItsGoldenSays(Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve("upstream.sse"));

    List<SseEvent> client = translate(SseStreams.parse(bytes));

    AnthropicStreamGrammar.check(client);
    GoldenFiles.assertMatches(dir.resolve("client.golden.sse"), SseStreams.toWire(client));
    for (long seed : RECHUNKING_SEEDS) {
      assertThat(translate(SseStreams.parseInRandomChunks(bytes, seed)))
          .as("the same bytes cut at random offsets (seed %d)", seed)
          .isEqualTo(client);
    }
  }

  private List<SseEvent> translate(List<SseEvent> upstream) {
    return Cases.translate(transformer.newStreamTranslator(Cases.context(true)), upstream);
  }
}
