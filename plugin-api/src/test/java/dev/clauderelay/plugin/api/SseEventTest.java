package dev.clauderelay.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseEventTest {

  @Test
  void writesNamedEventWithTerminatingBlankLine() {
    SseEvent event = new SseEvent("ping", "{\"type\":\"ping\"}");

    assertThat(new String(event.toWire(), StandardCharsets.UTF_8))
        .isEqualTo("event: ping\ndata: {\"type\":\"ping\"}\n\n");
  }

  @Test
  void splitsMultiLineDataIntoOneDataFieldPerLine() {
    SseEvent event = new SseEvent(null, "a\nb");

    assertThat(new String(event.toWire(), StandardCharsets.UTF_8))
        .isEqualTo("data: a\ndata: b\n\n");
  }

  @Test
  void writesOneLineDataInUtf8WithOrWithoutAName() {
    String text = "{\"text\":\"h\u00e9llo \u4f60\u597d \uD83D\uDE00\"}";

    assertThat(
            new String(new SseEvent("content_block_delta", text).toWire(), StandardCharsets.UTF_8))
        .isEqualTo("event: content_block_delta\ndata: " + text + "\n\n");
    assertThat(new String(new SseEvent(null, text).toWire(), StandardCharsets.UTF_8))
        .isEqualTo("data: " + text + "\n\n");
    assertThat(new SseEvent(null, "").toWire())
        .isEqualTo("data: \n\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void mapsUnknownWireNameToApiError() {
    assertThat(ErrorType.fromWireName("overloaded_error")).isEqualTo(ErrorType.OVERLOADED);
    assertThat(ErrorType.fromWireName("something_new")).isEqualTo(ErrorType.API);
  }

  @Test
  void overloadedKeepsUpstream503AndOtherwiseUsesTheTypeStatus() {
    ErrorClassification overloaded =
        new ErrorClassification(ErrorClass.OVERLOADED, 0, ErrorType.OVERLOADED, "busy");

    assertThat(overloaded.toGatewayError(503).httpStatus()).isEqualTo(503);
    assertThat(overloaded.toGatewayError(529).httpStatus()).isEqualTo(529);
    assertThat(ErrorClass.CLIENT_ERROR.retryable()).isFalse();
    assertThat(ErrorClass.RATE_LIMITED.retryable()).isTrue();
  }
}
