package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.SseEventParser;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugins.openai.AnthropicToOpenAiTransformer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An upstream event above the size bound ends the client's stream the same way on both paths. */
class StreamProcessorBoundTest {

  private static final String MESSAGE_START =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
          + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n";

  @Test
  void aPassedThroughStreamEndsWithWholeEventsThenAnApiErrorAndNamesTheUpstreamsFault() {
    PassthroughStreamProcessor processor = new PassthroughStreamProcessor(new SseFramer(1024));
    List<String> client = new ArrayList<>();

    feed(processor, MESSAGE_START.getBytes(StandardCharsets.UTF_8), client);
    assertThat(processor.upstreamFault()).isNull();
    byte[] giant = ("event: content_block_delta\ndata: " + "a".repeat(4096) + "\n\n").getBytes();
    for (int at = 0; at < giant.length && processor.upstreamFault() == null; at += 100) {
      feed(processor, Arrays.copyOfRange(giant, at, Math.min(giant.length, at + 100)), client);
    }

    assertThat(processor.upstreamFault()).contains("exceeds 1024 bytes");
    assertThat(client).hasSize(2);
    assertThat(client.get(0)).isEqualTo(MESSAGE_START);
    assertThat(client.get(1))
        .startsWith("event: error\n")
        .contains("\"type\":\"api_error\"")
        .contains("larger than 8 MiB");
    assertThat(processor.usage().streamErrorType).isEqualTo("api_error");
    assertThat(processor.usage().inputTokens).isEqualTo(3);
    assertThat(processor.completedNormally()).isFalse();
    assertThat(processor.onChunk(giant, 0, giant.length)).as("nothing after the end").isEmpty();
  }

  @Test
  void aTranslatedStreamEndsWithTheTranslatorsErrorEventsAndNamesTheUpstreamsFault() {
    TranslatedStreamProcessor processor =
        new TranslatedStreamProcessor(
            new SseEventParser(1024),
            new AnthropicToOpenAiTransformer()
                .newStreamTranslator(
                    new TranslationContext("claude-x", "gpt-x", true, "msg_1", reason -> {})),
            "req_1");
    List<String> client = new ArrayList<>();

    feed(
        processor,
        ("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n")
            .getBytes(StandardCharsets.UTF_8),
        client);
    assertThat(String.join("", client)).contains("message_start").contains("hi");
    feed(processor, ("data: " + "b".repeat(2048)).getBytes(StandardCharsets.UTF_8), client);

    assertThat(processor.upstreamFault()).contains("exceeds 1024 bytes");
    List<SseEvent> events = new SseEventParser().feed(String.join("", client).getBytes());
    SseEvent last = events.get(events.size() - 1);
    assertThat(last.event()).isEqualTo("error");
    assertThat(last.data()).contains("api_error").contains("larger than 8 MiB");
    assertThat(processor.usage().streamErrorType).isEqualTo("api_error");
  }

  private static void feed(StreamProcessor processor, byte[] bytes, List<String> client) {
    for (byte[] out : processor.onChunk(bytes, 0, bytes.length)) {
      client.add(new String(out, StandardCharsets.UTF_8));
    }
  }
}
