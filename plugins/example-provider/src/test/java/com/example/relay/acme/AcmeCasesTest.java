package com.example.relay.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.testkit.AnthropicStreamGrammar;
import dev.clauderelay.plugin.testkit.GoldenCases;
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
 * The golden cases under {@code src/test/resources/cases}: each folder holds what a client sends
 * ({@code client.json}) and what Acme is sent ({@code upstream.golden.json}), and/or what Acme
 * answers ({@code upstream.json}, {@code upstream.sse}) and what the client gets ({@code
 * client.golden.json}, {@code client.golden.sse}), with the degradations reported on the way.
 * Every stream also passes the testkit's Anthropic grammar check and gives the same events however
 * its bytes are cut. {@code mvn test -Dgolden.update=true} rewrites the goldens: review the diff.
 */
class AcmeCasesTest {

  private static final Path CASES = Path.of("src", "test", "resources", "cases");
  private static final long[] SEEDS = {1, 2, 3, 7, 42, 1234, 99_991};
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final AcmeChatTransformer transformer = new AcmeChatTransformer();

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> listing = Files.list(CASES)) {
      return listing.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  static Stream<Path> streamCases() throws IOException {
    return cases().filter(dir -> Files.exists(dir.resolve("upstream.sse")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translatesAsTheGoldenFilesSay(Path dir) throws IOException {
    assertTrue(Files.isRegularFile(dir.resolve("README")), "one line naming the case");
    List<String> degradations = new ArrayList<>();
    boolean checked = false;

    Path client = dir.resolve("client.json");
    if (Files.exists(client)) {
      ObjectNode request = (ObjectNode) PRETTY.readTree(client.toFile());
      UpstreamRequest upstream =
          transformer.toUpstream(
              request, context(request.path("stream").asBoolean(false), degradations));
      assertEquals("/generate", upstream.path());
      GoldenFiles.assertMatches(
          dir.resolve("upstream.golden.json"), GoldenCases.pretty(upstream.body()));
      checked = true;
    }
    Path upstreamJson = dir.resolve("upstream.json");
    if (Files.exists(upstreamJson)) {
      JsonNode answer = PRETTY.readTree(upstreamJson.toFile());
      GoldenFiles.assertMatches(
          dir.resolve("client.golden.json"),
          GoldenCases.pretty(transformer.toClient(answer, context(false, degradations))));
      checked = true;
    }
    Path upstreamSse = dir.resolve("upstream.sse");
    if (Files.exists(upstreamSse)) {
      List<SseEvent> events =
          GoldenCases.translate(
              transformer.newStreamTranslator(context(true, degradations)),
              SseStreams.read(upstreamSse));
      GoldenFiles.assertMatches(dir.resolve("client.golden.sse"), SseStreams.toWire(events));
      checked = true;
    }
    assertTrue(checked, "a case needs client.json, upstream.json or upstream.sse");

    Path golden = dir.resolve("degradations.golden.txt");
    if (degradations.isEmpty()) {
      assertFalse(Files.exists(golden), "no degradation was reported");
    } else {
      GoldenFiles.assertMatches(golden, String.join("\n", degradations) + "\n");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamCases")
  void writesStreamsThatFollowTheAnthropicGrammar(Path dir) {
    AnthropicStreamGrammar.check(SseStreams.read(dir.resolve("client.golden.sse")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamCases")
  void givesTheSameEventsHoweverTheUpstreamBytesAreCut(Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve("upstream.sse"));
    List<SseEvent> whole = translate(SseStreams.parse(bytes));
    for (long seed : SEEDS) {
      assertEquals(whole, translate(SseStreams.parseInRandomChunks(bytes, seed)), "seed " + seed);
    }
  }

  private List<SseEvent> translate(List<SseEvent> upstream) {
    return GoldenCases.translate(
        transformer.newStreamTranslator(context(true, new ArrayList<>())), upstream);
  }

  private static TranslationContext context(boolean stream, List<String> degradations) {
    return new TranslationContext(
        "claude-sonnet-4-5", "acme-large", stream, "msg_fixture", degradations::add);
  }
}
