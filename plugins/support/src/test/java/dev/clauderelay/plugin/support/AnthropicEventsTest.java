package dev.clauderelay.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnthropicEventsTest {

  @Test
  void writesDeltasAsTheJsonTreeOfTheSameDeltaWouldBe() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      String text = randomText(random);

      SseEvent written = AnthropicEvents.textDelta(3, text);

      ObjectNode tree = Json.object().put("type", "content_block_delta").put("index", 3);
      tree.putObject("delta").put("type", "text_delta").put("text", text);
      assertThat(written.data()).isEqualTo(Json.write(tree)).isEqualTo(tree.toString());
      assertThat(written.event()).isEqualTo("content_block_delta");
    }
  }

  @Test
  void startsAMessageWithNoContentAndTheUsageKnownSoFar() {
    SseEvent start = AnthropicEvents.messageStart("msg_1", "claude-x", new Usage(7, 0, 3));

    assertThat(start.event()).isEqualTo("message_start");
    assertThat(start.data())
        .isEqualTo(
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":7,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":3,"
                + "\"output_tokens\":0}}}");
  }

  @Test
  void opensEachKindOfBlockEmpty() {
    assertThat(AnthropicEvents.thinkingBlockStart(0).data())
        .isEqualTo(
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}");
    assertThat(AnthropicEvents.textBlockStart(1).data())
        .isEqualTo(
            "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                + "{\"type\":\"text\",\"text\":\"\"}}");
    assertThat(AnthropicEvents.toolUseBlockStart(2, "toolu_1", "Read").data())
        .isEqualTo(
            "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"Read\",\"input\":{}}}");
  }

  @Test
  void endsAMessageWithItsStopReasonUsageAndStop() {
    assertThat(AnthropicEvents.messageDelta("stop_sequence", "END", new Usage(1, 2, 0)).data())
        .isEqualTo(
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"stop_sequence\","
                + "\"stop_sequence\":\"END\"},\"usage\":{\"input_tokens\":1,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
                + "\"output_tokens\":2}}");
    assertThat(AnthropicEvents.messageStop())
        .isEqualTo(new SseEvent("message_stop", "{\"type\":\"message_stop\"}"));
  }

  @Test
  void writesAnErrorEventInAnthropicsShape() {
    SseEvent error = AnthropicEvents.error(new GatewayError(ErrorType.OVERLOADED, "Busy \"now\"."));

    assertThat(error.event()).isEqualTo("error");
    assertThat(error.data())
        .isEqualTo(
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Busy \\\"now\\\".\"}}");
    assertThat(error).isEqualTo(AnthropicEvents.error(ErrorType.OVERLOADED, "Busy \"now\"."));
  }

  /** Quotes, backslashes, control characters, line separators, astral and lone surrogates. */
  private static String randomText(Random random) {
    String alphabet = "ab \"\\/\n\r\t\b\f\u0000\u001f\u007f\u2028\u2029é€\uD83D\uDE00\uD800<>&'";
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
