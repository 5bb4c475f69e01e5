package dev.clauderelay.plugins.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicToGeminiTransformerTest {

  private final AnthropicToGeminiTransformer transformer = new AnthropicToGeminiTransformer();

  @Test
  void hasStableIdsAndServesTheGeminiKind() {
    assertThat(transformer.id()).isEqualTo("gemini");
    assertThat(transformer.upstreamKind()).isEqualTo("gemini");
    GoogleGeminiPreset preset = new GoogleGeminiPreset();
    assertThat(preset.id()).isEqualTo("google-gemini");
    assertThat(preset.kind()).isEqualTo("gemini");
    assertThat(preset.transformerId()).isEqualTo("gemini");
    assertThat(preset.baseUrl()).isEqualTo("https://generativelanguage.googleapis.com/v1beta");
    assertThat(preset.models()).startsWith("gemini-2.5-pro").contains("gemini-3-pro-preview");
  }

  @Test
  void streamsThroughStreamGenerateContentWithSseAndAnswersWholeThroughGenerateContent() {
    ObjectNode request = simpleRequest();

    assertThat(transformer.toUpstream(request, Cases.context(true)).path())
        .isEqualTo("/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
    assertThat(transformer.toUpstream(request, Cases.context(false)).path())
        .isEqualTo("/models/gemini-2.5-pro:generateContent");
    assertThat(transformer.toUpstream(request, Cases.context(false)).headers()).isEmpty();
  }

  @Test
  void keepsTheModelNameInsideItsPathSegment() {
    assertThat(AnthropicToGeminiTransformer.modelPath("models/gemini-2.5-flash"))
        .isEqualTo("/models/gemini-2.5-flash");
    assertThat(AnthropicToGeminiTransformer.modelPath("evil/../x:generateContent?key=1 é"))
        .isEqualTo("/models/evil%2F..%2Fx%3AgenerateContent%3Fkey%3D1%20%C3%A9");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"auto, AUTO, ''", "any, ANY, ''", "none, NONE, ''", "tool, ANY, Bash"})
  void mapsToolChoiceToAFunctionCallingMode(String type, String mode, String allowed) {
    ObjectNode request = simpleRequest();
    request.putObject("tool_choice").put("type", type).put("name", "Bash");

    JsonNode config =
        transformer.toUpstream(request, Cases.context(false)).body().path("toolConfig");

    assertThat(config.path("functionCallingConfig").path("mode").asText()).isEqualTo(mode);
    assertThat(config.path("functionCallingConfig").path("allowedFunctionNames").path(0).asText())
        .isEqualTo(allowed);
  }

  @Test
  void countsTokensWithAGenerateContentRequestThatHoldsSystemAndTools() {
    ObjectNode request = simpleRequest();
    request.put("system", "Be brief.");

    UpstreamRequest count = transformer.toCountTokens(request, Cases.context(false));

    assertThat(count.path()).isEqualTo("/models/gemini-2.5-pro:countTokens");
    JsonNode inner = count.body().path("generateContentRequest");
    assertThat(inner.path("model").asText()).isEqualTo("models/gemini-2.5-pro");
    assertThat(inner.path("contents").path(0).path("parts").path(0).path("text").asText())
        .isEqualTo("hi");
    assertThat(inner.path("systemInstruction").path("parts").path(0).path("text").asText())
        .isEqualTo("Be brief.");
    assertThat(
            inner.path("tools").path(0).path("functionDeclarations").path(0).path("name").asText())
        .isEqualTo("Bash");
    assertThat(inner.has("generationConfig")).isFalse();
    assertThat(transformer.countedTokens(Cases.parse("{\"totalTokens\": 252}"))).isEqualTo(252);
  }

  @Test
  void reportsEachDroppedFeatureOnceHoweverManyBlocksCarryIt() {
    ObjectNode request =
        Cases.readObject(Path.of("src/test/resources/cases/claude-code-first-turn/client.json"));
    List<String> degraded = new ArrayList<>();

    transformer.toUpstream(request, Cases.context(true, degraded::add));

    assertThat(degraded).doesNotHaveDuplicates();
    assertThat(degraded.stream().filter(sentence -> sentence.startsWith("cache_control")))
        .hasSize(1);
    assertThat(degraded)
        .contains(
            "context_management was dropped with its beta (context-management): Gemini does not"
                + " edit the context server-side.",
            "metadata was dropped: Gemini takes no end-user metadata.");
  }

  @Test
  void refusesAToolResultThatAnswersNoEarlierToolUse() {
    ObjectNode request =
        Cases.object(
            """
            {"model":"m","max_tokens":10,"messages":[{"role":"user","content":[
              {"type":"tool_result","tool_use_id":"toolu_nowhere","content":"x"}]}]}
            """);

    assertThatThrownBy(() -> transformer.toUpstream(request, Cases.context(false)))
        .isInstanceOfSatisfying(
            GatewayError.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_REQUEST))
        .hasMessageContaining("toolu_nowhere");
  }

  @Test
  void refusesAMessageOfAnUnknownRole() {
    ObjectNode request =
        Cases.object(
            "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}");

    assertThatThrownBy(() -> transformer.toUpstream(request, Cases.context(false)))
        .isInstanceOf(GatewayError.class)
        .hasMessageContaining("unknown role 'tool'");
  }

  @Test
  void toleratesAContextWithoutADegradationReceiver() {
    TranslationContext context =
        new TranslationContext("claude", "gemini-2.5-pro", false, "msg_1", null);
    ObjectNode request = simpleRequest();
    request.putObject("metadata").put("user_id", "u");

    assertThat(transformer.toUpstream(request, context).body().has("contents")).isTrue();
  }

  @Test
  void derivesToolIdsFromTheMessageIdWhenGeminiGivesNone() {
    JsonNode answer =
        Cases.read(
            Path.of("src/test/resources/cases/response-parallel-calls-no-ids/upstream.json"));

    JsonNode content = transformer.toClient(answer, Cases.context(false)).path("content");

    assertThat(content.path(1).path("id").asText()).isEqualTo("toolu_01GeminiRelayTest_0");
    assertThat(content.path(2).path("id").asText()).isEqualTo("toolu_01GeminiRelayTest_1");
  }

  private static ObjectNode simpleRequest() {
    return Cases.object(
        """
        {"model":"claude-opus-5-5","max_tokens":100,
         "tools":[{"name":"Bash","input_schema":{"type":"object",
           "properties":{"command":{"type":"string"}}}}],
         "messages":[{"role":"user","content":"hi"}]}
        """);
  }
}
