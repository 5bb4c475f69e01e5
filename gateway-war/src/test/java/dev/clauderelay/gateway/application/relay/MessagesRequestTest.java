package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.plugin.api.GatewayError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessagesRequestTest {

  private static MessagesRequest parse(String json) {
    return MessagesRequest.parse(json.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void picksOutModelStreamThinkingAndUserId() {
    MessagesRequest request =
        parse(
            "{\"model\":\"claude-opus-5-5\",\"max_tokens\":5,\"stream\":true,"
                + "\"thinking\":{\"type\":\"adaptive\"},\"metadata\":{\"user_id\":\"u-1\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(request.model()).isEqualTo("claude-opus-5-5");
    assertThat(request.stream()).isTrue();
    assertThat(request.thinking()).isTrue();
    assertThat(request.userId()).isEqualTo("u-1");
  }

  @Test
  void rewritesOnlyTheModelLeavingEveryOtherByteAsSent() {
    String json =
        "{ \"messages\" : [ {\"role\":\"user\",\"content\":\"model \\\"x\\\" \u00e9\"} ],\n"
            + "  \"model\" :  \"claude-haiku\" , \"stream\":false }";
    MessagesRequest request = parse(json);

    String rewritten = new String(request.withModel("glm-4.6\"q"), StandardCharsets.UTF_8);

    assertThat(rewritten).isEqualTo(json.replace("\"claude-haiku\"", "\"glm-4.6\\\"q\""));
    assertThat(request.withModel("claude-haiku")).isSameAs(request.body());
  }

  @Test
  void handlesARealClaudeCodeRequest() throws Exception {
    byte[] body = ClaudeCodeFixtures.firstTurnBody();

    MessagesRequest request = MessagesRequest.parse(body, true);

    assertThat(request.model()).isEqualTo("claude-opus-5-5");
    assertThat(request.stream()).isTrue();
    byte[] rewritten = request.withModel("claude-sonnet-5-5");
    assertThat(new String(rewritten, StandardCharsets.UTF_8))
        .isEqualTo(
            new String(body, StandardCharsets.UTF_8)
                .replaceFirst("\"claude-opus-5-5\"", "\"claude-sonnet-5-5\""));
  }

  @Test
  void answersMalformedInputWithMessagesNamingTheProblem() {
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(GatewayError.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> parse("{\"model\":")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> parse("{\"messages\":[]}"))
        .hasMessageContaining("model: field required");
    assertThatThrownBy(() -> parse("{\"model\":\"m\"}"))
        .hasMessageContaining("messages: field required");
    assertThatThrownBy(() -> parse("{\"model\":5,\"messages\":[]}"))
        .hasMessageContaining("model: must be a string");
    assertThatThrownBy(() -> parse("{\"model\":\"m\",\"messages\":{}}"))
        .hasMessageContaining("messages: must be an array");
    assertThatThrownBy(() -> parse("{\"model\":\"m\",\"messages\":[]} {}"))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> parse("{\"model\":\"m\",\"messages\":[{\"a\":tru}]}"))
        .hasMessageContaining("not valid JSON");
  }
}
