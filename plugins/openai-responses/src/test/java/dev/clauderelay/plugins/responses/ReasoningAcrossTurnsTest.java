package dev.clauderelay.plugins.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.testkit.GoldenCases;
import dev.clauderelay.plugin.testkit.SseStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A conversation of two turns through the transformer, as Claude Code holds it: the first answer's
 * thinking block goes back in the second request, and the upstream must get its own reasoning item
 * again, encrypted content and all, in front of the items it led to.
 */
class ReasoningAcrossTurnsTest {

  private final AnthropicToResponsesTransformer transformer = new AnthropicToResponsesTransformer();

  @Test
  void streamedReasoningComesBackAsAReasoningItemOnTheNextTurn() {
    List<SseEvent> upstream =
        SseStreams.read(
            GoldenCases.CASES.resolve("stream-reasoning-summary-then-text/upstream.sse"));
    ArrayNode firstAnswer =
        assemble(
            GoldenCases.translate(transformer.newStreamTranslator(Cases.context(true)), upstream));
    assertThat(firstAnswer).hasSize(2);
    assertThat(firstAnswer.get(0).path("signature").asText())
        .startsWith("openai-responses:rs_4e5f60718293a4b5aa01:gAAAAAB");

    JsonNode input = secondTurnInput(firstAnswer);

    JsonNode reasoning = input.get(1);
    assertThat(reasoning.path("type").asText()).isEqualTo("reasoning");
    assertThat(reasoning.path("id").asText()).isEqualTo("rs_4e5f60718293a4b5aa01");
    assertThat(reasoning.path("encrypted_content").asText())
        .isEqualTo(lastItemDone(upstream, "reasoning").path("encrypted_content").asText());
    assertThat(reasoning.path("summary").path(0).path("text").asText())
        .isEqualTo(firstAnswer.get(0).path("thinking").asText())
        .contains("**Keeping it short**");
    assertThat(input.get(2).path("role").asText()).isEqualTo("assistant");
    assertThat(input.get(2).path("content").path(0).path("text").asText()).startsWith("pong");
  }

  @Test
  void aWholeAnswersReasoningLeadsItsFunctionCallOnTheNextTurn() {
    JsonNode upstream =
        GoldenCases.readJson(GoldenCases.CASES.resolve("nonstream-function-call/upstream.json"));
    ObjectNode message = transformer.toClient(upstream, Cases.context(false));
    ArrayNode content = (ArrayNode) message.get("content");

    ObjectNode request = request(content);
    ArrayNode user =
        request.withArray("messages").addObject().put("role", "user").putArray("content");
    user.addObject()
        .put("type", "tool_result")
        .put("tool_use_id", "call_Jq7b2KxW9mLp4RtV8nZs3Hd1")
        .put("content", "done");
    JsonNode input = transformer.toUpstream(request, Cases.context(false)).body().path("input");

    assertThat(types(input))
        .containsExactly(
            "message", "reasoning", "message", "function_call", "function_call_output");
    assertThat(input.get(1).path("encrypted_content").asText())
        .isEqualTo(upstream.path("output").path(0).path("encrypted_content").asText());
    assertThat(input.get(1).path("summary")).isEmpty();
    assertThat(input.get(3).path("call_id").asText()).isEqualTo("call_Jq7b2KxW9mLp4RtV8nZs3Hd1");
    assertThat(Json.parse(input.get(3).path("arguments").asText()).path("command").asText())
        .isEqualTo("echo harness-ok > marker.txt");
    assertThat(input.get(4).path("call_id").asText()).isEqualTo("call_Jq7b2KxW9mLp4RtV8nZs3Hd1");
  }

  @Test
  void reasoningWithoutEncryptedContentIsShownButNotSentBack() {
    JsonNode upstream =
        Json.parse(
            """
            {"id":"resp_9","object":"response","status":"completed","output":[
              {"id":"rs_9","type":"reasoning","summary":[{"type":"summary_text","text":"Hm."}]},
              {"id":"msg_9","type":"message","role":"assistant","status":"completed",
               "content":[{"type":"output_text","text":"pong","annotations":[]}]}],
             "usage":{"input_tokens":10,"output_tokens":2}}
            """);
    ArrayNode content =
        (ArrayNode) transformer.toClient(upstream, Cases.context(false)).get("content");
    assertThat(content.get(0).path("thinking").asText()).isEqualTo("Hm.");
    assertThat(content.get(0).path("signature").asText()).isEmpty();
    List<String> degradations = new ArrayList<>();
    JsonNode input =
        transformer
            .toUpstream(request(content), GoldenCases.context("gpt-5.1", false, degradations::add))
            .body()
            .path("input");
    assertThat(types(input)).containsExactly("message", "message");
    assertThat(degradations).anyMatch(sentence -> sentence.startsWith("Thinking blocks without"));
  }

  private JsonNode secondTurnInput(ArrayNode firstAnswer) {
    ObjectNode request = request(firstAnswer);
    request.withArray("messages").addObject().put("role", "user").put("content", "Again.");
    return transformer.toUpstream(request, Cases.context(true)).body().path("input");
  }

  private static ObjectNode request(ArrayNode assistantContent) {
    ObjectNode request = Json.object();
    request.put("model", "gpt-5.1");
    request.put("max_tokens", 1024);
    request.putObject("thinking").put("type", "enabled").put("budget_tokens", 2048);
    ArrayNode messages = request.putArray("messages");
    messages.addObject().put("role", "user").put("content", "Say pong.");
    messages.addObject().put("role", "assistant").set("content", assistantContent);
    return request;
  }

  /** The content blocks a client builds from a stream's events. */
  private static ArrayNode assemble(List<SseEvent> events) {
    ArrayNode blocks = Json.array();
    for (SseEvent event : events) {
      JsonNode data = Json.parse(event.data());
      switch (event.event()) {
        case "content_block_start" -> blocks.add(data.get("content_block").deepCopy());
        case "content_block_delta" -> {
          ObjectNode block = (ObjectNode) blocks.get(data.path("index").asInt());
          JsonNode delta = data.get("delta");
          switch (delta.path("type").asText()) {
            case "text_delta" -> append(block, "text", delta.path("text").asText());
            case "thinking_delta" -> append(block, "thinking", delta.path("thinking").asText());
            case "signature_delta" -> block.put("signature", delta.path("signature").asText());
            default -> throw new AssertionError("unexpected delta " + delta);
          }
        }
        default -> {
          // message events carry no content
        }
      }
    }
    return blocks;
  }

  private static void append(ObjectNode block, String field, String text) {
    block.put(field, block.path(field).asText() + text);
  }

  private static JsonNode lastItemDone(List<SseEvent> upstream, String type) {
    JsonNode found = null;
    for (SseEvent event : upstream) {
      JsonNode data = Json.parse(event.data());
      if ("response.output_item.done".equals(data.path("type").asText())
          && type.equals(data.path("item").path("type").asText())) {
        found = data.get("item");
      }
    }
    return found;
  }

  private static List<String> types(JsonNode input) {
    List<String> types = new ArrayList<>();
    input.forEach(item -> types.add(item.path("type").asText()));
    return types;
  }
}
