package dev.clauderelay.plugins.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.Transformer;
import dev.clauderelay.plugin.testkit.SseStreams;
import dev.clauderelay.plugin.testkit.TranslationGoldenCases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases under {@code src/test/resources/cases}: client requests and the Responses API requests
 * they become, upstream answers (JSON or SSE) and the Anthropic answers they become.
 */
class TranslationCasesTest extends TranslationGoldenCases {

  private final AnthropicToResponsesTransformer transformer = new AnthropicToResponsesTransformer();

  @Override
  protected Transformer transformer() {
    return transformer;
  }

  @Override
  protected String upstreamPath() {
    return "/responses";
  }

  @Override
  protected String upstreamModel() {
    return "gpt-5.1";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamCases")
  void readsEventsByTheirDataTypeAsWellAsByTheirName(Path dir) {
    List<SseEvent> named = SseStreams.read(dir.resolve("upstream.sse"));
    List<SseEvent> unnamed = named.stream().map(event -> new SseEvent(null, event.data())).toList();
    assertThat(translate(unnamed)).isEqualTo(translate(named));
  }
}
