package dev.clauderelay.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.testkit.GoldenCases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicToOpenAiTransformerTest {

  private final AnthropicToOpenAiTransformer transformer = new AnthropicToOpenAiTransformer();

  @Test
  void describesItselfAsTheOpenAiKindsTransformer() {
    assertThat(transformer.id()).isEqualTo("openai");
    assertThat(transformer.upstreamKind()).isEqualTo("openai");
  }

  @Test
  void hasNoTokenCountingEndpointSoTheRelayEstimates() {
    assertThat(transformer.toCountTokens(request("{\"model\":\"m\"}"), Cases.context(false)))
        .isNull();
  }

  @Test
  void leavesTheClientRequestUntouched() {
    ObjectNode request =
        (ObjectNode)
            GoldenCases.readJson(
                GoldenCases.CASES.resolve("claude-code-tool-result-turn/client.json"));
    ObjectNode copy = request.deepCopy();

    transformer.toUpstream(request, GoldenCases.context("glm-4.6", true, sentence -> {}));

    assertThat(request).isEqualTo(copy);
  }

  @Test
  void keepsToolUseIdsAsToolCallIdsExactly() {
    JsonNode body =
        upstream(
            "{\"model\":\"m\",\"max_tokens\":10,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"go\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"Read\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"toolu_01A09q90qw90lq917835lq9\",\"content\":\"x\"}]}]}");

    assertThat(body.at("/messages/1/tool_calls/0/id").asText())
        .isEqualTo("toolu_01A09q90qw90lq917835lq9");
    assertThat(body.at("/messages/2/tool_call_id").asText())
        .isEqualTo("toolu_01A09q90qw90lq917835lq9");
  }

  @Test
  void mapsEachToolChoice() {
    assertThat(toolChoice("{\"type\":\"auto\"}").asText()).isEqualTo("auto");
    assertThat(toolChoice("{\"type\":\"any\"}").asText()).isEqualTo("required");
    assertThat(toolChoice("{\"type\":\"none\"}").asText()).isEqualTo("none");
    assertThat(toolChoice("{\"type\":\"tool\",\"name\":\"Read\"}").toString())
        .isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"Read\"}}");
  }

  @Test
  void asksForTheUsageChunkOnlyWhenStreaming() {
    String json = "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[]}";

    JsonNode streamed = transformer.toUpstream(request(json), Cases.context(true)).body();
    JsonNode whole = transformer.toUpstream(request(json), Cases.context(false)).body();

    assertThat(streamed.path("stream_options").path("include_usage").asBoolean()).isTrue();
    assertThat(whole.has("stream")).isFalse();
    assertThat(whole.has("stream_options")).isFalse();
  }

  @Test
  void sendsAStructuredOutputStrictOnlyWhenItsSchemaIsClosedAndFullyRequired() {
    JsonNode open =
        upstream(
            "{\"model\":\"m\",\"messages\":[],\"output_config\":{\"format\":{\"type\":"
                + "\"json_schema\",\"schema\":{\"type\":\"object\",\"properties\":"
                + "{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}},\"required\":[\"a\"],"
                + "\"additionalProperties\":false}}}}");

    assertThat(open.at("/response_format/json_schema/strict").asBoolean()).isFalse();
  }

  @Test
  void addsAnEmptyReasoningContentToToolCallTurnsForDeepSeekOnly() {
    String json =
        "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"go\"},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\","
            + "\"name\":\"Read\",\"input\":{}}]},"
            + "{\"role\":\"assistant\",\"content\":\"plain\"}]}";

    JsonNode deepSeek = upstream(json.formatted("deepseek-chat"));
    JsonNode glm = upstream(json.formatted("glm-4.6"));

    assertThat(deepSeek.at("/messages/1/reasoning_content").isTextual()).isTrue();
    assertThat(deepSeek.at("/messages/2").has("reasoning_content")).isFalse();
    assertThat(glm.at("/messages/1").has("reasoning_content")).isFalse();
  }

  @Test
  void reportsEachDroppedKindOnceHoweverOftenItOccurs() {
    List<String> degradations = new ArrayList<>();
    transformer.toUpstream(
        request(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"a\",\"cache_control\":{\"type\":\"ephemeral\"}},"
                + "{\"type\":\"text\",\"text\":\"b\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}"),
        GoldenCases.context("m", false, degradations::add));

    assertThat(degradations)
        .containsExactly(
            "cache_control was dropped: OpenAI-compatible upstreams cache prompt prefixes on"
                + " their own.");
  }

  @Test
  void answersAnErrorBodySentWithStatus200AsAGatewayError() {
    JsonNode response =
        GoldenCases.readJsonText(
            "{\"error\":{\"message\":\"Rate limit\",\"type\":\"rate_limit_exceeded\"}}");

    assertThatThrownBy(() -> transformer.toClient(response, Cases.context(false)))
        .isInstanceOfSatisfying(
            GatewayError.class, error -> assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMIT));
  }

  @Test
  void answersDeepSeeksCapacityCutAsOverloadedRatherThanAShortAnswer() {
    JsonNode response =
        GoldenCases.readJsonText(
            "{\"choices\":[{\"index\":0,\"message\":{\"content\":\"Half\"},"
                + "\"finish_reason\":\"insufficient_system_resource\"}]}");

    assertThatThrownBy(() -> transformer.toClient(response, Cases.context(false)))
        .isInstanceOfSatisfying(
            GatewayError.class, error -> assertThat(error.type()).isEqualTo(ErrorType.OVERLOADED));
  }

  @Test
  void answersACompletionWithoutChoicesAsAnApiError() {
    assertThatThrownBy(
            () ->
                transformer.toClient(
                    GoldenCases.readJsonText("{\"choices\":[]}"), Cases.context(false)))
        .isInstanceOfSatisfying(
            GatewayError.class, error -> assertThat(error.type()).isEqualTo(ErrorType.API));
  }

  @Test
  void namesTheRequestedModelAndTheRelaysMessageIdInTheAnswer() {
    TranslationContext context = Cases.context(false);
    ObjectNode message =
        transformer.toClient(
            GoldenCases.readJson(GoldenCases.CASES.resolve("nonstream-text/upstream.json")),
            context);

    assertThat(message.path("id").asText()).isEqualTo(GoldenCases.MESSAGE_ID);
    assertThat(message.path("model").asText()).isEqualTo(GoldenCases.REQUESTED_MODEL);
  }

  private JsonNode toolChoice(String choice) {
    return upstream(
            "{\"model\":\"m\",\"messages\":[],\"tools\":[{\"name\":\"Read\",\"input_schema\":"
                + "{\"type\":\"object\"}}],\"tool_choice\":"
                + choice
                + "}")
        .path("tool_choice");
  }

  private JsonNode upstream(String json) {
    return transformer.toUpstream(request(json), Cases.context(false)).body();
  }

  private static ObjectNode request(String json) {
    return (ObjectNode) GoldenCases.readJsonText(json);
  }
}
