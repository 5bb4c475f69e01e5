package dev.clauderelay.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.testkit.AnthropicStreamGrammar;
import dev.clauderelay.plugin.testkit.GoldenCases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiToAnthropicStreamTranslatorTest {

  private final List<String> degradations = new ArrayList<>();
  private final StreamTranslator translator =
      new AnthropicToOpenAiTransformer()
          .newStreamTranslator(GoldenCases.context("upstream-model", true, degradations::add));
  private final List<SseEvent> written = new ArrayList<>();

  @Test
  void holdsStopReasonUntilTrailingUsageChunk() {
    feed(chunk("{\"content\":\"pong\"}", null));
    List<SseEvent> atFinish = feed(chunk("{}", "\"stop\""));

    assertThat(types(atFinish)).doesNotContain("message_delta", "message_stop");

    List<SseEvent> atUsage =
        feed(
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":2}}}");

    assertThat(types(atUsage))
        .containsExactly("content_block_stop", "message_delta", "message_stop");
    assertThat(atUsage.get(1).data())
        .contains("\"stop_reason\":\"end_turn\"")
        .contains("\"input_tokens\":10")
        .contains("\"cache_read_input_tokens\":2")
        .contains("\"output_tokens\":3");
    assertThat(feed("[DONE]")).isEmpty();
    assertThat(translator.onComplete()).isEmpty();
    AnthropicStreamGrammar.check(written);
  }

  @Test
  void finishesAtOnceWhenTheFinishChunkCarriesUsage() {
    List<SseEvent> events =
        feed(
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}");

    assertThat(types(events))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
  }

  @Test
  void closesWithTheUsageKnownSoFarWhenTheStreamEndsAfterFinishWithoutUsageOrDone() {
    feed(chunk("{\"content\":\"hi\"}", null));
    feed(chunk("{}", "\"length\""));

    List<SseEvent> closing = translator.onComplete();

    assertThat(types(closing))
        .containsExactly("content_block_stop", "message_delta", "message_stop");
    assertThat(closing.get(1).data()).contains("\"stop_reason\":\"max_tokens\"");
  }

  @Test
  void endsWithTheRelaysErrorWhenTheUpstreamFailsMidStream() {
    feed(
        chunk(
            "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"Bash\","
                + "\"arguments\":\"{\\\"comm\"}}]}",
            null));

    List<SseEvent> closing =
        translator.onError(new GatewayError(ErrorType.TIMEOUT, "The upstream stalled."));
    written.addAll(closing);

    assertThat(closing).hasSize(1);
    assertThat(closing.get(0).event()).isEqualTo("error");
    assertThat(closing.get(0).data())
        .isEqualTo(
            "{\"type\":\"error\",\"error\":{\"type\":\"timeout_error\","
                + "\"message\":\"The upstream stalled.\"}}");
    AnthropicStreamGrammar.check(written);
    assertThat(translator.onComplete()).isEmpty();
    assertThat(translator.onError(new GatewayError(ErrorType.API, "again"))).isEmpty();
  }

  @Test
  void writesOnlyTheErrorWhenTheRelayFailsBeforeAnyChunk() {
    List<SseEvent> events =
        translator.onError(new GatewayError(ErrorType.OVERLOADED, "The upstream is busy."));

    assertThat(types(events)).containsExactly("error");
    AnthropicStreamGrammar.check(events);
  }

  @Test
  void endsAStreamWithoutAnyChunkWithACleanError() {
    List<SseEvent> events = translator.onComplete();

    assertThat(types(events)).containsExactly("error");
    assertThat(events.get(0).data()).contains("api_error");
    AnthropicStreamGrammar.check(events);
  }

  @Test
  void writesNothingAfterMessageStop() {
    feed(chunk("{\"content\":\"a\"}", "\"stop\""));
    feed("[DONE]");

    assertThat(feed(chunk("{\"content\":\"late\"}", null))).isEmpty();
    assertThat(translator.onComplete()).isEmpty();
    assertThat(translator.onError(new GatewayError(ErrorType.API, "late"))).isEmpty();
    AnthropicStreamGrammar.check(written);
  }

  @Test
  void keepsUpstreamToolCallIdsExactly() {
    feed(
        chunk(
            "{\"tool_calls\":[{\"index\":0,\"id\":\"call_00_Xh2fQkLmN0pQ\",\"type\":\"function\","
                + "\"function\":{\"name\":\"Read\",\"arguments\":\"{}\"}}]}",
            "\"tool_calls\""));

    assertThat(written.get(1).data())
        .contains("\"id\":\"call_00_Xh2fQkLmN0pQ\"")
        .contains("\"name\":\"Read\"");
  }

  @Test
  void givesAToolCallWithoutIdOneMadeFromTheMessageId() {
    feed(
        chunk(
            "{\"tool_calls\":[{\"index\":3,\"function\":{\"name\":\"Read\",\"arguments\":"
                + "\"{\\\"file_path\\\":\\\"/x\\\"}\"}}]}",
            "\"tool_calls\""));
    feed("[DONE]");

    assertThat(written.get(1).data()).contains("\"id\":\"toolu_relay_fixture_3\"");
    assertThat(written.get(2).data()).contains("{\\\"file_path\\\":\\\"/x\\\"}");
    AnthropicStreamGrammar.check(written);
  }

  @Test
  void dropsAToolCallTheUpstreamNeverNamedAndSaysSo() {
    feed(chunk("{\"content\":\"ok\"}", null));
    feed(
        chunk(
            "{\"tool_calls\":[{\"index\":0,\"id\":\"call_x\",\"function\":{\"arguments\":\"{}\"}}]}",
            "\"tool_calls\""));
    feed("[DONE]");

    assertThat(written).noneMatch(event -> event.data().contains("tool_use"));
    assertThat(written.get(written.size() - 2).data()).contains("\"stop_reason\":\"end_turn\"");
    assertThat(degradations).containsExactly("A tool call the upstream never named was dropped.");
    AnthropicStreamGrammar.check(written);
  }

  @Test
  void failsWhenArgumentsContinueAToolCallAfterTextEndedItsBlock() {
    feed(
        chunk(
            "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"Bash\","
                + "\"arguments\":\"{\\\"a\\\":\"}}]}",
            null));
    feed(chunk("{\"content\":\"text in between\"}", null));
    List<SseEvent> events =
        feed(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}", null));

    assertThat(types(events)).containsExactly("error");
    AnthropicStreamGrammar.check(written);
  }

  @Test
  void readsOnlyTheFirstChoiceWhenTheUpstreamSendsSeveral() {
    feed(
        "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"other\"}},"
            + "{\"index\":0,\"delta\":{\"content\":\"mine\"},\"finish_reason\":\"stop\"}]}");
    feed("[DONE]");

    assertThat(written).noneMatch(event -> event.data().contains("other"));
    assertThat(written).anyMatch(event -> event.data().contains("mine"));
  }

  @Test
  void treatsAnEventThatIsNotJsonAsAnUpstreamFailure() {
    feed(chunk("{\"content\":\"a\"}", null));
    List<SseEvent> events = feed("<html>502 Bad Gateway</html>");

    assertThat(types(events)).containsExactly("error");
    AnthropicStreamGrammar.check(written);
  }

  @Test
  void skipsEmptyDataLinesWithoutStartingTheMessage() {
    assertThat(feed("")).isEmpty();
    assertThat(feed("  ")).isEmpty();
  }

  @Test
  void dropsReasoningThatComesAfterTheAnswerBeganAndSaysSo() {
    feed(chunk("{\"reasoning_content\":\"First thoughts.\"}", null));
    feed(chunk("{\"content\":\"Answer.\"}", null));
    feed(chunk("{\"reasoning_content\":\"Second thoughts.\"}", "\"stop\""));
    feed("[DONE]");

    assertThat(written)
        .extracting(SseEvent::data)
        .filteredOn(data -> data.contains("content_block_start"))
        .containsExactly(
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\","
                + "\"thinking\":\"\",\"signature\":\"\"}}",
            "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\","
                + "\"text\":\"\"}}");
    assertThat(written).noneMatch(event -> event.data().contains("Second thoughts"));
    assertThat(degradations)
        .containsExactly(
            "Reasoning that came after the answer had begun was dropped: Anthropic streams put"
                + " thinking first.");
    AnthropicStreamGrammar.check(written);
  }

  private List<SseEvent> feed(String data) {
    List<SseEvent> events = translator.onEvent(new SseEvent(null, data));
    written.addAll(events);
    return events;
  }

  private static String chunk(String delta, String finishReason) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}";
  }

  private static List<String> types(List<SseEvent> events) {
    List<String> types = new ArrayList<>();
    for (SseEvent event : events) {
      types.add(event.event());
    }
    return types;
  }
}
