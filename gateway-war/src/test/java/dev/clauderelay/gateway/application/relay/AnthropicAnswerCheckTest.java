package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.application.relay.RelayRequest.Endpoint;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnthropicAnswerCheckTest {

  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],\"stop_reason\":\"end_turn\","
          + "\"usage\":{\"input_tokens\":7,\"output_tokens\":3,\"cache_read_input_tokens\":2,"
          + "\"server_tool_use\":{\"web_search_requests\":1}}}";

  private static String problem(Endpoint endpoint, String contentType, String body) {
    return AnthropicAnswerCheck.problem(
        endpoint, contentType, body.getBytes(StandardCharsets.ISO_8859_1), new UsageTally());
  }

  @Test
  void aMessageIsForwardedAndItsUsageReadInTheSameScan() {
    UsageTally usage = new UsageTally();

    String problem =
        AnthropicAnswerCheck.problem(
            Endpoint.MESSAGES,
            "application/json; charset=utf-8",
            MESSAGE.getBytes(StandardCharsets.UTF_8),
            usage);

    assertThat(problem).isNull();
    assertThat(usage.inputTokens).isEqualTo(7);
    assertThat(usage.outputTokens).isEqualTo(3);
    assertThat(usage.cacheReadTokens).isEqualTo(2);
    assertThat(usage.stopReason).isEqualTo("end_turn");
  }

  @Test
  void refusesWhatIsNotAMessageWhateverTheUpstreamSaidItsStatusWas() {
    assertThat(problem(Endpoint.MESSAGES, "text/html", "<html>Bad gateway</html>"))
        .isEqualTo("content-type text/html");
    assertThat(problem(Endpoint.MESSAGES, null, "<html>Bad gateway</html>")).contains("not JSON");
    assertThat(problem(Endpoint.MESSAGES, "application/json", "\u0000\u00ff\u0013garbage"))
        .contains("not an Anthropic message");
    assertThat(problem(Endpoint.MESSAGES, "application/json", MESSAGE.substring(0, 80)))
        .as("cut short")
        .contains("not an Anthropic message");
    assertThat(problem(Endpoint.MESSAGES, "application/json", "")).isEqualTo("an empty body");
    assertThat(problem(Endpoint.MESSAGES, "application/json", "[]")).isNotNull();
    assertThat(problem(Endpoint.MESSAGES, "application/json", "{\"type\":\"error\"}")).isNotNull();
    assertThat(problem(Endpoint.MESSAGES, "application/json", "{\"usage\":{}}")).isNotNull();
    assertThat(problem(Endpoint.MESSAGES, "application/json", MESSAGE + " {}"))
        .as("something after the message")
        .isNotNull();
    assertThat(problem(Endpoint.MESSAGES, "application/json", MESSAGE + "\n")).isNull();
  }

  @Test
  void aTokenCountMustBeAnObjectWithANumericInputTokens() {
    assertThat(problem(Endpoint.COUNT_TOKENS, "application/json", "{\"input_tokens\":12}"))
        .isNull();
    assertThat(problem(Endpoint.COUNT_TOKENS, "application/json", "{\"input_tokens\":\"12\"}"))
        .isNotNull();
    assertThat(problem(Endpoint.COUNT_TOKENS, "application/json", "{\"input_tokens\":12"))
        .isNotNull();
    assertThat(problem(Endpoint.COUNT_TOKENS, "application/json", MESSAGE)).isNotNull();
    assertThat(problem(Endpoint.COUNT_TOKENS, "text/plain", "{\"input_tokens\":12}")).isNotNull();
  }
}
