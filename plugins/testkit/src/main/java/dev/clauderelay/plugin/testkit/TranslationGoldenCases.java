package dev.clauderelay.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.Transformer;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamRequest;
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
 * The golden cases of a provider plugin's {@link Transformer}, for a test class to extend. Each
 * directory under {@code src/test/resources/cases} has a {@code README} (one line naming the
 * upstream quirk) and any of:
 *
 * <ul>
 *   <li>{@code client.json}, a client request, and {@code upstream.golden.json}, the upstream
 *       request it becomes;
 *   <li>{@code upstream.json}, an upstream answer, and {@code client.golden.json}, the Anthropic
 *       message it becomes;
 *   <li>{@code upstream.sse}, a streamed upstream answer, and {@code client.golden.sse}, the
 *       Anthropic stream it becomes;
 *   <li>{@code degradations.golden.txt}, what the translation reported, one line each (no file when
 *       nothing was reported).
 * </ul>
 *
 * Every stream, golden or translated, must follow Anthropic's event grammar, and must come out the
 * same however the upstream's bytes are cut. Run with {@code -Dgolden.update=true} to rewrite the
 * goldens, then review them.
 */
public abstract class TranslationGoldenCases {

  private static final long[] SEEDS = {1, 2, 3, 7, 42, 1234, 99_991};

  /** The transformer under test. */
  protected abstract Transformer transformer();

  /** The path every translated request goes to, e.g. {@code /chat/completions}. */
  protected abstract String upstreamPath();

  /** The upstream model of cases without a client request. */
  protected String upstreamModel() {
    return "upstream-model";
  }

  static Stream<Path> cases() {
    return GoldenCases.directories(GoldenCases.CASES);
  }

  static Stream<Path> streamCases() {
    return GoldenCases.streamCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translatesAsTheGoldenFilesSay(Path dir) {
    assertTrue(Files.isRegularFile(dir.resolve("README")), "one line naming the upstream quirk");
    Transformer transformer = transformer();
    List<String> degradations = new ArrayList<>();
    String upstreamModel = upstreamModel();
    boolean checked = false;

    Path client = dir.resolve("client.json");
    if (Files.exists(client)) {
      ObjectNode request = (ObjectNode) GoldenCases.readJson(client);
      upstreamModel = request.path("model").asText();
      TranslationContext context =
          GoldenCases.context(
              upstreamModel, request.path("stream").asBoolean(false), degradations::add);
      UpstreamRequest upstream = transformer.toUpstream(request, context);
      assertEquals(upstreamPath(), upstream.path());
      assertTrue(upstream.headers().isEmpty(), "no headers of a plugin's own");
      GoldenFiles.assertMatches(
          dir.resolve("upstream.golden.json"), GoldenCases.pretty(upstream.body()));
      checked = true;
    }

    Path upstreamJson = dir.resolve("upstream.json");
    if (Files.exists(upstreamJson)) {
      JsonNode response = GoldenCases.readJson(upstreamJson);
      ObjectNode message =
          transformer.toClient(
              response, GoldenCases.context(upstreamModel, false, degradations::add));
      GoldenFiles.assertMatches(dir.resolve("client.golden.json"), GoldenCases.pretty(message));
      checked = true;
    }

    Path upstreamSse = dir.resolve("upstream.sse");
    if (Files.exists(upstreamSse)) {
      List<SseEvent> events =
          GoldenCases.translate(
              transformer.newStreamTranslator(
                  GoldenCases.context(upstreamModel, true, degradations::add)),
              SseStreams.read(upstreamSse));
      GoldenFiles.assertMatches(dir.resolve("client.golden.sse"), SseStreams.toWire(events));
      checked = true;
    }

    assertTrue(checked, "a case needs client.json, upstream.json or upstream.sse");
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
    byte[] bytes = GoldenCases.readBytes(dir.resolve("upstream.sse"));
    List<SseEvent> whole = translate(SseStreams.parse(bytes));
    for (long seed : SEEDS) {
      assertEquals(whole, translate(SseStreams.parseInRandomChunks(bytes, seed)), "seed " + seed);
    }
  }

  /** What a new stream translator makes of {@code upstream}, for {@link #upstreamModel}. */
  protected final List<SseEvent> translate(List<SseEvent> upstream) {
    return GoldenCases.translate(
        transformer().newStreamTranslator(GoldenCases.context(upstreamModel(), true, s -> {})),
        upstream);
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
    assertFalse(Files.exists(golden), "no degradation was reported, but " + golden + " exists");
  }
}
