package dev.clauderelay.plugins.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.testkit.SseStreams;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Gemini answer with a thought and a signed function call goes to the client as Anthropic blocks;
 * the client sends those blocks back with its tool result; the next Gemini request must carry the
 * same signature on the same function call part (Gemini 3 answers 400 otherwise).
 */
class ThoughtSignatureRoundTripTest {

  private static final String SIGNATURE = "CpwCAdHtim9+Qx3kZ8mvhF7/ZbUeJpC2l+2w1nZy";

  private final AnthropicToGeminiTransformer transformer = new AnthropicToGeminiTransformer();

  @Test
  void signatureOfAWholeAnswerComesBackOnTheSameFunctionCall() {
    JsonNode answer =
        Cases.parse(
            """
            {"candidates":[{"content":{"role":"model","parts":[
              {"text":"**Plan**: run ls","thought":true},
              {"functionCall":{"id":"call_42","name":"Bash","args":{"command":"ls"}},
               "thoughtSignature":"%s"}]},"finishReason":"STOP"}],
             "usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":5}}
            """
                .formatted(SIGNATURE));
    ObjectNode message = transformer.toClient(answer, Cases.context(false));

    ObjectNode next = nextRequest(message.withArray("content"), "call_42");
    JsonNode modelTurn = contentsOf(next).get(1);

    assertThat(modelTurn.path("role").asText()).isEqualTo("model");
    assertThat(modelTurn.path("parts")).hasSize(1);
    JsonNode callPart = modelTurn.path("parts").get(0);
    assertThat(callPart.path("thoughtSignature").asText()).isEqualTo(SIGNATURE);
    assertThat(callPart.path("functionCall").path("id").asText()).isEqualTo("call_42");
    JsonNode response = contentsOf(next).get(2).path("parts").get(0).path("functionResponse");
    assertThat(response.path("id").asText()).isEqualTo("call_42");
    assertThat(response.path("name").asText()).isEqualTo("Bash");
  }

  @Test
  void signatureOfAStreamedAnswerComesBackOnTheSameFunctionCall() {
    List<SseEvent> upstream =
        SseStreams.read(
            Path.of("src/test/resources/cases/stream-thoughts-text-and-signed-call/upstream.sse"));
    List<SseEvent> client =
        Cases.translate(transformer.newStreamTranslator(Cases.context(true)), upstream);
    ArrayNode blocks = StreamedMessage.content(client);
    String toolUseId = blocks.get(3).path("id").asText();

    JsonNode parts = contentsOf(nextRequest(blocks, toolUseId)).get(1).path("parts");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).path("text").asText())
        .isEqualTo("Let me look at the working directory.");
    assertThat(parts.get(0).has("thoughtSignature")).isFalse();
    assertThat(parts.get(1).path("functionCall").path("name").asText()).isEqualTo("Bash");
    assertThat(parts.get(1).path("functionCall").has("id"))
        .as("a toolu_ id made by the relay is not Gemini's")
        .isFalse();
    assertThat(parts.get(1).path("thoughtSignature").asText())
        .isEqualTo(
            "CpwCAdHtim9+Qx3kZ8mvhF7/ZbUeJpC2l+2w1nZyQk0Vb3xGm4o1pD8zjvA9E2mK0tqF6LwXyRz4cJ0sUuHnIe2Yb3TgPq8kWvZ");
  }

  @Test
  void onlyTheFirstOfParallelCallsCarriesTheSignatureBackAsGeminiSentIt() {
    JsonNode answer =
        Cases.read(
            Path.of("src/test/resources/cases/response-parallel-calls-no-ids/upstream.json"));
    ArrayNode blocks = transformer.toClient(answer, Cases.context(false)).withArray("content");

    ObjectNode request = requestWith(blocks, toolResults(blocks.get(1), blocks.get(2)));
    JsonNode parts = contentsOf(request).get(1).path("parts");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).has("thoughtSignature")).isTrue();
    assertThat(parts.get(1).has("thoughtSignature")).isFalse();
    JsonNode responses = contentsOf(request).get(2).path("parts");
    assertThat(responses.get(0).path("functionResponse").path("name").asText()).isEqualTo("Read");
    assertThat(responses.get(1).path("functionResponse").path("name").asText()).isEqualTo("Read");
  }

  @Test
  void aSignatureThatCameAloneOnAnEmptyTextPartGoesBackTheSameWay() {
    List<SseEvent> upstream =
        SseStreams.read(
            Path.of("src/test/resources/cases/stream-signature-on-empty-final-part/upstream.sse"));
    ArrayNode blocks =
        StreamedMessage.content(
            Cases.translate(transformer.newStreamTranslator(Cases.context(true)), upstream));

    ObjectNode request = requestWith(blocks, Cases.parse("\"thanks\""));
    JsonNode parts = contentsOf(request).get(1).path("parts");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).path("text").asText()).isEqualTo("pong");
    assertThat(parts.get(1).path("text").asText()).isEmpty();
    assertThat(parts.get(1).path("thoughtSignature").asText()).startsWith("EuQDCuED");
  }

  /** The client's next request: the assistant blocks as received, then the tool's result. */
  private ObjectNode nextRequest(ArrayNode assistantBlocks, String toolUseId) {
    ObjectNode result = Cases.object("{\"type\":\"tool_result\",\"content\":\"file.txt\"}");
    result.put("tool_use_id", toolUseId);
    ArrayNode userContent = Cases.object("{\"c\":[]}").withArray("c");
    userContent.add(result);
    return requestWith(assistantBlocks, userContent);
  }

  private ObjectNode requestWith(ArrayNode assistantBlocks, JsonNode userContent) {
    ObjectNode request =
        Cases.object(
            """
            {"model":"gemini-2.5-pro","max_tokens":1000,"stream":true,
             "tools":[{"name":"Bash","input_schema":{"type":"object",
               "properties":{"command":{"type":"string"}}}},
              {"name":"Read","input_schema":{"type":"object",
               "properties":{"file_path":{"type":"string"}}}}],
             "messages":[{"role":"user","content":"RUN_TOOL please"}]}
            """);
    ArrayNode messages = request.withArray("messages");
    messages.addObject().put("role", "assistant").set("content", assistantBlocks);
    messages.addObject().put("role", "user").set("content", userContent);
    return (ObjectNode) transformer.toUpstream(request, Cases.context(true)).body();
  }

  private static ArrayNode toolResults(JsonNode... toolUses) {
    ArrayNode results = Cases.object("{\"c\":[]}").withArray("c");
    for (JsonNode toolUse : toolUses) {
      results
          .addObject()
          .put("type", "tool_result")
          .put("tool_use_id", toolUse.path("id").asText())
          .put("content", "ok");
    }
    return results;
  }

  private static JsonNode contentsOf(JsonNode geminiRequest) {
    return geminiRequest.path("contents");
  }
}
