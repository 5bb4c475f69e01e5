package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.plugin.api.ErrorType;
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

  @Test
  void refusesFieldsOfTheWrongTypeNamingTheFieldAsAnthropicDoes() {
    String messages = ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    for (String stream : new String[] {"\"yes\"", "\"true\"", "1", "{}", "[]"}) {
      assertThatThrownBy(() -> parse("{\"model\":\"m\",\"stream\":" + stream + messages))
          .as(stream)
          .isInstanceOfSatisfying(
              GatewayError.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_REQUEST))
          .hasMessageStartingWith("stream: must be a boolean");
    }
    assertThatThrownBy(() -> parse("{\"model\":\"m\",\"metadata\":\"u-1\"" + messages))
        .hasMessageStartingWith("metadata: must be an object");
    assertThatThrownBy(() -> parse("{\"model\":\"m\",\"metadata\":{\"user_id\":5}" + messages))
        .hasMessageStartingWith("metadata.user_id: must be a string");
    assertThatThrownBy(() -> parse("{\"model\":\"m\",\"thinking\":true" + messages))
        .hasMessageStartingWith("thinking: must be an object");
    assertThatThrownBy(() -> parse("{\"model\":\"m\",\"thinking\":{\"type\":1}" + messages))
        .hasMessageStartingWith("thinking.type: must be a string");
  }

  @Test
  void takesBooleansAndNullsForTheOptionalFields() {
    String messages = ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    assertThat(parse("{\"model\":\"m\",\"stream\":false" + messages).stream()).isFalse();
    MessagesRequest nulls =
        parse("{\"model\":\"m\",\"stream\":null,\"metadata\":null,\"thinking\":null" + messages);
    assertThat(nulls.stream()).isFalse();
    assertThat(nulls.userId()).isNull();
    assertThat(nulls.thinking()).isFalse();
    assertThat(parse("{\"model\":\"m\",\"metadata\":{\"user_id\":null}" + messages).userId())
        .isNull();
  }
}
