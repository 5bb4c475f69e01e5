package dev.clauderelay.plugins.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.testkit.AnthropicStreamGrammar;
import dev.clauderelay.plugin.testkit.SseStreams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claude Code's tool scenario against {@code mock_gemini.py --require-thought-signature
 * --with-call-ids} (from {@code ../shared/claude-code}, started here with python3): the translated
 * first turn gets a signed function call, and the translated second turn (the client's echo plus
 * its tool result) must be accepted. Skipped with a message when python3 or the mock is missing; a
 * failure instead when {@code RELAY_TEST_REQUIRE_ALL=true} (CI). {@code -Dgemini.mock.url} uses a
 * mock already running.
 */
class MockGeminiRoundTripTest {

  private static final String TOOL_OUTPUT = "(Bash completed with no output)";
  private static Process mock;
  private static String baseUrl;

  private final AnthropicToGeminiTransformer transformer = new AnthropicToGeminiTransformer();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startMock() throws Exception {
    baseUrl = System.getProperty("gemini.mock.url");
    if (baseUrl != null) {
      return;
    }
    Path script =
        Path.of(System.getProperty("relay.harness", "../../../shared/claude-code"))
            .resolve("mock_gemini.py")
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(script)) {
      skipOrFail("mock_gemini.py is not at " + script + " (set -Drelay.harness)");
    }
    Path portFile = Files.createTempFile("mock-gemini", ".port");
    Files.delete(portFile);
    try {
      mock =
          new ProcessBuilder(
                  "python3",
                  script.toString(),
                  "--port",
                  "0",
                  "--port-file",
                  portFile.toString(),
                  "--require-thought-signature",
                  "--with-call-ids")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException noPython) {
      skipOrFail("python3 is not installed: the mock Gemini round trip needs it");
    }
    for (int i = 0;
        i < 100 && !(Files.exists(portFile) && !Files.readString(portFile).isBlank());
        i++) {
      Thread.sleep(100);
    }
    baseUrl = "http://127.0.0.1:" + Files.readString(portFile).strip() + "/v1beta";
  }

  @AfterAll
  static void stopMock() {
    if (mock != null) {
      mock.destroy();
    }
  }

  private static void skipOrFail(String message) {
    if ("true".equals(System.getenv("RELAY_TEST_REQUIRE_ALL"))) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }

  @Test
  void aStreamedSignedToolCallRoundTripsThroughTheMock() throws Exception {
    ObjectNode first = firstTurn();
    TranslationContext context = Cases.context(true);

    List<SseEvent> events = stream(transformer.toUpstream(first, context), context);
    AnthropicStreamGrammar.check(events);
    ArrayNode blocks = StreamedMessage.content(events);
    JsonNode toolUse = toolUse(blocks);

    List<SseEvent> second =
        stream(transformer.toUpstream(secondTurn(first, blocks, toolUse), context), context);
    AnthropicStreamGrammar.check(second);
    assertThat(StreamedMessage.content(second).path(0).path("text").asText())
        .isEqualTo("DONE: " + TOOL_OUTPUT);
  }

  @Test
  void aWholeSignedToolCallRoundTripsThroughTheMock() throws Exception {
    ObjectNode first = firstTurn();
    first.put("stream", false);
    TranslationContext context = Cases.context(false);

    HttpResponse<String> answer = post(transformer.toUpstream(first, context));
    assertThat(answer.statusCode()).isEqualTo(200);
    ArrayNode blocks =
        transformer.toClient(Cases.parse(answer.body()), context).withArray("content");

    HttpResponse<String> next =
        post(transformer.toUpstream(secondTurn(first, blocks, toolUse(blocks)), context));
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    assertThat(
            transformer
                .toClient(Cases.parse(next.body()), context)
                .path("content")
                .path(0)
                .path("text")
                .asText())
        .isEqualTo("DONE: " + TOOL_OUTPUT);
  }

  @Test
  void countsTokensThroughTheMock() throws Exception {
    HttpResponse<String> answer =
        post(transformer.toCountTokens(firstTurn(), Cases.context(false)));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(transformer.countedTokens(Cases.parse(answer.body()))).isPositive();
  }

  private static ObjectNode firstTurn() {
    return Cases.readObject(
        Path.of("src/test/resources/cases/claude-code-run-tool-first-turn/client.json"));
  }

  private static JsonNode toolUse(ArrayNode blocks) {
    for (JsonNode block : blocks) {
      if ("tool_use".equals(block.path("type").asText())) {
        return block;
      }
    }
    throw new AssertionError("no tool_use in " + blocks);
  }

  /** What Claude Code sends next: the assistant blocks as received, then the tool result. */
  private static ObjectNode secondTurn(ObjectNode first, ArrayNode blocks, JsonNode toolUse) {
    ObjectNode second = first.deepCopy();
    ArrayNode messages = second.withArray("messages");
    messages.addObject().put("role", "assistant").set("content", blocks);
    ObjectNode result = messages.addObject().put("role", "user").putArray("content").addObject();
    result.put("type", "tool_result").put("tool_use_id", toolUse.path("id").asText());
    result.put("content", TOOL_OUTPUT).put("is_error", false);
    return second;
  }

  private List<SseEvent> stream(UpstreamRequest request, TranslationContext context)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = post(request);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Cases.translate(
        transformer.newStreamTranslator(context),
        SseStreams.parse(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> post(UpstreamRequest request)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
            .header("Content-Type", "application/json")
            .header("x-goog-api-key", "test-key")
            .POST(HttpRequest.BodyPublishers.ofString(request.body().toString()));
    request.headers().forEach(builder::header);
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
