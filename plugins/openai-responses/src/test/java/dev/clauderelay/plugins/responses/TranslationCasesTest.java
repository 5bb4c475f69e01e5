package dev.clauderelay.plugins.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.testkit.AnthropicStreamGrammar;
import dev.clauderelay.plugin.testkit.GoldenFiles;
import dev.clauderelay.plugin.testkit.SseStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code src/test/resources/cases/*}: each directory holds a client request and the Responses
 * API request it becomes, and/or an upstream answer (JSON or SSE) and the Anthropic answer it
 * becomes, plus the degradations reported on the way. Run with {@code -Dgolden.update=true} to
 * rewrite the goldens, then review them.
 */
class TranslationCasesTest {

  private static final long[] SEEDS = {1, 2, 3, 7, 42, 1234, 99_991};

  private final AnthropicToResponsesTransformer transformer = new AnthropicToResponsesTransformer();

  static Stream<Path> cases() {
    return Cases.directories(Cases.CASES);
  }

  static Stream<Path> streamCases() {
    return Cases.streamCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translatesAsTheGoldenFilesSay(Path dir) {
    assertThat(dir.resolve("README")).as("one line naming the upstream quirk").isRegularFile();
    List<String> degradations = new ArrayList<>();
    String upstreamModel = "gpt-5.1";
    boolean checked = false;

    Path client = dir.resolve("client.json");
    if (Files.exists(client)) {
      ObjectNode request = (ObjectNode) Cases.readJson(client);
      upstreamModel = request.path("model").asText();
      TranslationContext context =
          Cases.context(upstreamModel, request.path("stream").asBoolean(false), degradations::add);
      UpstreamRequest upstream = transformer.toUpstream(request, context);
      assertThat(upstream.path()).isEqualTo("/responses");
      assertThat(upstream.headers()).isEmpty();
      GoldenFiles.assertMatches(dir.resolve("upstream.golden.json"), Cases.pretty(upstream.body()));
      checked = true;
    }

    Path upstreamJson = dir.resolve("upstream.json");
    if (Files.exists(upstreamJson)) {
      JsonNode response = Cases.readJson(upstreamJson);
      ObjectNode message =
          transformer.toClient(response, Cases.context(upstreamModel, false, degradations::add));
      GoldenFiles.assertMatches(dir.resolve("client.golden.json"), Cases.pretty(message));
      checked = true;
    }

    Path upstreamSse = dir.resolve("upstream.sse");
    if (Files.exists(upstreamSse)) {
      List<SseEvent> events =
          Cases.translate(
              transformer.newStreamTranslator(
                  Cases.context(upstreamModel, true, degradations::add)),
              SseStreams.read(upstreamSse));
      GoldenFiles.assertMatches(dir.resolve("client.golden.sse"), SseStreams.toWire(events));
      checked = true;
    }

    assertThat(checked).as("a case needs client.json, upstream.json or upstream.sse").isTrue();
    assertDegradations(dir.resolve("degradations.golden.txt"), degradations);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamCases")
  void writesStreamsThatFollowTheAnthropicGrammar(Path dir) {
    AnthropicStreamGrammar.check(SseStreams.read(dir.resolve("client.golden.sse")));
    AnthropicStreamGrammar.check(translate(SseStreams.read(dir.resolve("upstream.sse"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamCases")
  void givesTheSameEventsHoweverTheUpstreamBytesAreCut(Path dir) {
    byte[] bytes = Cases.readBytes(dir.resolve("upstream.sse"));
    List<SseEvent> whole = translate(SseStreams.parse(bytes));
    for (long seed : SEEDS) {
      assertThat(translate(SseStreams.parseInRandomChunks(bytes, seed)))
          .as("seed %d", seed)
          .isEqualTo(whole);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamCases")
  void readsEventsByTheirDataTypeAsWellAsByTheirName(Path dir) {
    List<SseEvent> named = SseStreams.read(dir.resolve("upstream.sse"));
    List<SseEvent> unnamed = named.stream().map(event -> new SseEvent(null, event.data())).toList();
    assertThat(translate(unnamed)).isEqualTo(translate(named));
  }

  private List<SseEvent> translate(List<SseEvent> upstream) {
    return Cases.translate(transformer.newStreamTranslator(Cases.context(true)), upstream);
  }

  /** Degradations are golden too: one line each, and no file when there are none. */
  private static void assertDegradations(Path golden, List<String> degradations) {
    if (!degradations.isEmpty()) {
      GoldenFiles.assertMatches(golden, String.join("\n", degradations) + "\n");
      return;
    }
    try {
      if (GoldenFiles.updating()) {
        Files.deleteIfExists(golden);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(golden).as("no degradation was reported").doesNotExist();
  }
}
