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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Claude Code's tool scenario against a running {@code mock_gemini.py --require-thought-signature
 * --with-call-ids}: the translated first turn gets a signed function call, and the translated
 * second turn (the client's echo plus its tool result) must be accepted. Opt-in, since it needs the
 * mock: {@code -Dgemini.mock.url=http://127.0.0.1:PORT/v1beta}.
 */
@EnabledIfSystemProperty(named = "gemini.mock.url", matches = ".+")
class MockGeminiRoundTripTest {

  private static final String TOOL_OUTPUT = "(Bash completed with no output)";

  private final AnthropicToGeminiTransformer transformer = new AnthropicToGeminiTransformer();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl = System.getProperty("gemini.mock.url");

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
