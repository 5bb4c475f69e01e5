package dev.clauderelay.plugins.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transformer's contract beyond the golden cases: ids, errors, counting, cache keys. */
class AnthropicToResponsesTransformerTest {

  private static final long NOW = 1_765_072_800_000L;

  private final AnthropicToResponsesTransformer transformer = new AnthropicToResponsesTransformer();

  @Test
  void servesTheOpenAiResponsesKind() {
    assertThat(transformer.id()).isEqualTo("openai-responses");
    assertThat(transformer.upstreamKind()).isEqualTo("openai-responses");
    OpenAiResponsesPreset preset = new OpenAiResponsesPreset();
    assertThat(preset.kind()).isEqualTo("openai-responses");
    assertThat(preset.transformerId()).isEqualTo(transformer.id());
    assertThat(preset.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(preset.models()).first().asString().startsWith("gpt-5");
  }

  @Test
  void theSessionHeaderBecomesThePromptCacheKeyBeforeTheUserId() {
    ObjectNode request = minimalRequest();
    request.putObject("metadata").put("user_id", "user_abc_account_x_session_11111111-2222");
    TranslationContext withHeader =
        new TranslationContext("claude", "gpt-5.1", false, "msg_1", s -> {}, "sess-from-header");
    assertThat(body(request, withHeader).path("prompt_cache_key").asText())
        .isEqualTo("sess-from-header");
    assertThat(body(request, Cases.context(false)).path("prompt_cache_key").asText())
        .isEqualTo("11111111-2222");
  }

  @Test
  void aCacheKeyFromNothingIsAbsentAndAnOverlongOneIsHashed() {
    assertThat(body(minimalRequest(), Cases.context(false)).has("prompt_cache_key")).isFalse();
    ObjectNode request = minimalRequest();
    request.putObject("metadata").put("user_id", "x".repeat(500));
    String key = body(request, Cases.context(false)).path("prompt_cache_key").asText();
    assertThat(key).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(
            PromptCacheKey.of(
                null, Json.parse("{\"user_id\":\"{\\\"session_id\\\":\\\"s-1\\\"}\"}")))
        .isEqualTo("s-1");
  }

  @Test
  void everyRequestIsUnstoredAndReasoningAsksForEncryptedContent() {
    ObjectNode request = minimalRequest();
    request.putObject("output_config").put("effort", "high");
    JsonNode body = body(request, Cases.context(true));
    assertThat(body.path("store").asBoolean(true)).isFalse();
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("reasoning").path("effort").asText()).isEqualTo("high");
    assertThat(body.path("reasoning").path("summary").asText()).isEqualTo("auto");
    assertThat(body.path("include").path(0).asText()).isEqualTo("reasoning.encrypted_content");
    assertThat(body(minimalRequest(), Cases.context(false)).has("include")).isFalse();
  }

  @Test
  void countsTokensAtTheInputTokensEndpointWithoutOutputFields() {
    ObjectNode request = minimalRequest();
    request.put("temperature", 0.5);
    UpstreamRequest count = transformer.toCountTokens(request, Cases.context(false));
    assertThat(count.path()).isEqualTo("/responses/input_tokens");
    assertThat(count.body().has("input")).isTrue();
    for (String absent : List.of("max_output_tokens", "stream", "store", "temperature")) {
      assertThat(count.body().has(absent)).as(absent).isFalse();
    }
    assertThat(
            transformer.countedTokens(
                Json.parse("{\"object\":\"response.input_tokens\",\"input_tokens\":1234}")))
        .isEqualTo(1234);
  }

  @Test
  void aFailedWholeResponseIsAnErrorOfTheRightType() {
    JsonNode failed =
        Json.parse(
            "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"failed\",\"output\":[],"
                + "\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}");
    assertThatThrownBy(() -> transformer.toClient(failed, Cases.context(false)))
        .isInstanceOfSatisfying(
            GatewayError.class, e -> assertThat(e.type()).isEqualTo(ErrorType.RATE_LIMIT));
    JsonNode server =
        Json.parse(
            "{\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"oops\"}}");
    assertThatThrownBy(() -> transformer.toClient(server, Cases.context(false)))
        .isInstanceOfSatisfying(
            GatewayError.class, e -> assertThat(e.type()).isEqualTo(ErrorType.API));
  }

  @Test
  void classifiesErrorAnswersForThePoolAndTheClient() {
    ErrorClassification limited =
        transformer.classifyError(
            answer(
                429,
                Map.of("retry-after", List.of("7")),
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                    + "\"code\":\"rate_limit_exceeded\"}}"));
    assertThat(limited.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
    assertThat(limited.untilEpochMillis()).isEqualTo(NOW + 7_000);
    assertThat(limited.clientType()).isEqualTo(ErrorType.RATE_LIMIT);

    ErrorClassification refused =
        transformer.classifyError(
            answer(
                401,
                Map.of(),
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-abc***xyz.\","
                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
    assertThat(refused.errorClass()).isEqualTo(ErrorClass.KEY_INVALID);
    assertThat(refused.message()).doesNotContain("sk-proj");

    ErrorClassification tooLong =
        transformer.classifyError(
            answer(
                400,
                Map.of(),
                "{\"error\":{\"message\":\"Your input exceeds the context window of this model."
                    + "\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}"));
    assertThat(tooLong.errorClass()).isEqualTo(ErrorClass.CLIENT_ERROR);
    assertThat(tooLong.message()).startsWith("prompt is too long");
  }

  @Test
  void aStreamThatFailsAfterStartingEndsWithOneErrorEventAndThenNothing() {
    StreamTranslator translator = transformer.newStreamTranslator(Cases.context(true));
    List<SseEvent> started =
        translator.onEvent(
            new SseEvent(
                "response.created",
                "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}"));
    assertThat(started).extracting(SseEvent::event).containsExactly("message_start");
    List<SseEvent> ended =
        translator.onError(new GatewayError(ErrorType.TIMEOUT, "The upstream went silent."));
    assertThat(ended).extracting(SseEvent::event).containsExactly("error");
    assertThat(ended.get(0).data()).contains("timeout_error");
    assertThat(translator.onComplete()).isEmpty();
    assertThat(
            translator.onEvent(
                new SseEvent(null, "{\"type\":\"response.output_text.delta\",\"delta\":\"x\"}")))
        .isEmpty();
  }

  @Test
  void signaturesOfOthersAreNotTakenForOurs() {
    assertThat(ReasoningSignatures.decode("EqQBCgIYAhIM1gbcDa9GJwZA2b3h")).isNull();
    assertThat(ReasoningSignatures.decode("openai-responses:rs_1:")).isNull();
    assertThat(ReasoningSignatures.decode("openai-responses::abc")).isNull();
    assertThat(ReasoningSignatures.decode(ReasoningSignatures.encode("rs_1", "gAAA==")))
        .isEqualTo(new ReasoningSignatures.Reasoning("rs_1", "gAAA=="));
    assertThat(ReasoningSignatures.encode("rs_1", null)).isEmpty();
  }

  private JsonNode body(ObjectNode request, TranslationContext context) {
    return transformer.toUpstream(request, context).body();
  }

  private static ObjectNode minimalRequest() {
    ObjectNode request = Json.object();
    request.put("model", "gpt-5.1");
    request.put("max_tokens", 256);
    request.putArray("messages").addObject().put("role", "user").put("content", "hi");
    return request;
  }

  private static UpstreamAnswer answer(int status, Map<String, List<String>> headers, String body) {
    return new UpstreamAnswer(status, headers, body.getBytes(StandardCharsets.UTF_8), NOW);
  }
}
