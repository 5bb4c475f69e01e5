package dev.clauderelay.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesLenientlyToNullWhatIsNoJsonValue() {
    assertThat(Json.parseOrNull((String) null)).isNull();
    assertThat(Json.parseOrNull("  ")).isNull();
    assertThat(Json.parseOrNull("<html>")).isNull();
    assertThat(Json.parseOrNull((byte[]) null)).isNull();
    assertThat(Json.parseOrNull(new byte[0])).isNull();
    assertThat(Json.parseOrNull("\n".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(Json.parseOrNull("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).path("a").asInt())
        .isEqualTo(1);
  }

  @Test
  void failsStrictParsingWithJacksonsReasonAsTheCause() {
    assertThatThrownBy(() -> Json.parse("<html>"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
  }

  @Test
  void readsFieldsOfAnyTypeOrNodeWithoutFailing() {
    JsonNode node = Json.parseOrNull("{\"s\":\"x\",\"e\":\"\",\"n\":429,\"o\":{}}");

    assertThat(Json.text(node, "s")).isEqualTo("x");
    assertThat(Json.text(node, "e")).isEmpty();
    assertThat(Json.nonEmptyText(node, "e")).isNull();
    assertThat(Json.text(node, "n")).isNull();
    assertThat(Json.scalar(node, "n")).isEqualTo("429");
    assertThat(Json.scalar(node, "o")).isNull();
    assertThat(Json.text(null, "s")).isNull();
  }
}
