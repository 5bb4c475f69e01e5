package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslationTest {

  private static final MessagesRequest REQUEST =
      MessagesRequest.parse(
          "{\"model\":\"gpt-5.1\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
              .getBytes(StandardCharsets.UTF_8),
          true);

  @Test
  void givesTranslatorsClaudeCodesSessionHeaderWhateverItsCase() {
    Translation translation =
        new Translation(REQUEST, Map.of("X-Claude-Code-Session-Id", List.of(" sess-1 ")));
    assertThat(translation.context("gpt-5.1").clientSessionId()).isEqualTo("sess-1");
  }

  @Test
  void anAbsentBlankOrOverlongSessionIsNoSession() {
    assertThat(new Translation(REQUEST, Map.of()).context("m").clientSessionId()).isNull();
    assertThat(
            new Translation(REQUEST, Map.of("x-claude-code-session-id", List.of("  ")))
                .context("m")
                .clientSessionId())
        .isNull();
    assertThat(
            Translation.sessionId(
                Map.of(
                    "x-claude-code-session-id",
                    List.of("s".repeat(Translation.MAX_SESSION_ID_LENGTH + 1)))))
        .isNull();
  }
}
