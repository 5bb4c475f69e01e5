package dev.clauderelay.gateway.application.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyProberTest {

  private static final String SECRET = "sk-proj-abcdefghijklmnop0123456789";

  @Test
  void probesEachKindWithItsCheapestRequestTheModelList() {
    assertThat(KeyProber.probeUri(provider(ProviderKind.ANTHROPIC, "https://api.anthropic.com")))
        .isEqualTo(URI.create("https://api.anthropic.com/v1/models?limit=1"));
    assertThat(KeyProber.probeUri(provider(ProviderKind.OPENAI, "https://api.deepseek.com/v1")))
        .isEqualTo(URI.create("https://api.deepseek.com/v1/models"));
    assertThat(
            KeyProber.probeUri(
                provider(ProviderKind.OPENAI_RESPONSES, "https://api.openai.com/v1")))
        .isEqualTo(URI.create("https://api.openai.com/v1/models"));
    assertThat(
            KeyProber.probeUri(
                provider(ProviderKind.GEMINI, "https://generativelanguage.googleapis.com/v1beta")))
        .isEqualTo(
            URI.create("https://generativelanguage.googleapis.com/v1beta/models?pageSize=1"));
  }

  @Test
  void reportsTheUpstreamsMessageWithAnyEchoOfTheKeyMasked() {
    String body =
        "{\"error\":{\"message\":\"Incorrect API key provided: "
            + SECRET
            + ".\\nYou can find your API key at https://platform.openai.com.\",\"type\":\"invalid_request_error\"}}";

    String message = KeyProber.upstreamMessage(body.getBytes(StandardCharsets.UTF_8), SECRET);

    assertThat(message).doesNotContain(SECRET).contains("sk-proj...6789").doesNotContain("\n");
  }

  @Test
  void readsGeminisArrayWrappedErrorsAndIgnoresBodiesThatAreNotJson() {
    assertThat(
            KeyProber.upstreamMessage(
                "[{\"error\":{\"code\":400,\"message\":\"API key not valid.\"}}]"
                    .getBytes(StandardCharsets.UTF_8),
                SECRET))
        .isEqualTo("API key not valid.");
    assertThat(
            KeyProber.upstreamMessage("<html>502</html>".getBytes(StandardCharsets.UTF_8), SECRET))
        .isNull();
  }

  private static ProviderRuntime provider(ProviderKind kind, String base) {
    return new ProviderRuntime(
        1,
        "p",
        kind,
        URI.create(base),
        null,
        null,
        List.of(),
        Map.of(),
        Set.of(),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        false,
        null,
        null);
  }
}
