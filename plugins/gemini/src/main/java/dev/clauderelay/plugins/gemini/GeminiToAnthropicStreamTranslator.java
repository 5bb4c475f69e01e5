package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.support.AnthropicEvents;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.Usage;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one Gemini {@code streamGenerateContent?alt=sse} stream, whose every {@code data:} is a
 * whole {@code GenerateContentResponse} holding the next pieces of the answer, into one Anthropic
 * Messages stream.
 *
 * <p>The finish reason and the final usage come on the last chunk but are written only at {@link
 * #onComplete}, so that the message_delta always follows the last content block.
 */
public final class GeminiToAnthropicStreamTranslator implements StreamTranslator {

  private final TranslationContext context;
  private final PartAssembler assembler;
  private final EventSink events;
  private boolean started;
  private boolean ended;
  private JsonNode lastUsage;
  private String finishReason;
  private boolean promptBlocked;

  GeminiToAnthropicStreamTranslator(TranslationContext context) {
    this.context = context;
    this.events = new EventSink();
    this.assembler =
        new PartAssembler(events, context.messageId(), new Degradations(context.degradation()));
    this.lastUsage = MissingNode.getInstance(); // no usage yet: every count reads as 0
  }

  @Override
  public List<SseEvent> onEvent(SseEvent upstreamEvent) {
    if (ended || upstreamEvent.data().isBlank()) {
      return List.of();
    }
    JsonNode chunk = parse(upstreamEvent.data());
    if (chunk.has("error")) {
      return fail(GeminiErrors.midStream(chunk.get("error")));
    }
    rememberUsage(chunk);
    if (!started) {
      start();
    }
    JsonNode candidate = chunk.path("candidates").path(0);
    assembler.acceptAll(candidate.path("content").path("parts"));
    String reason = Json.nonEmptyText(candidate, "finishReason");
    if (reason != null) {
      finishReason = reason;
    }
    if (candidate.isMissingNode() && chunk.path("promptFeedback").has("blockReason")) {
      promptBlocked = true;
    }
    return events.drain();
  }

  @Override
  public List<SseEvent> onComplete() {
    if (ended) {
      return List.of();
    }
    if (!started) {
      return fail(new GatewayError(ErrorType.API, "Gemini ended the stream without an answer."));
    }
    GatewayError failure = FinishReasons.failure(finishReason);
    if (failure != null) {
      return fail(failure);
    }
    assembler.finish();
    finish();
    return events.drain();
  }

  @Override
  public List<SseEvent> onError(GatewayError error) {
    if (ended) {
      return List.of();
    }
    return fail(error);
  }

  private void rememberUsage(JsonNode chunk) {
    JsonNode usage = chunk.get("usageMetadata");
    if (usage != null && usage.isObject()) {
      lastUsage = usage;
    }
  }

  /** message_start carries the prompt's usage when Gemini sent it with the first chunk. */
  private void start() {
    started = true;
    Usage usage = GeminiUsage.of(lastUsage).withOutputTokens(0);
    events.add(AnthropicEvents.messageStart(context.messageId(), context.requestedModel(), usage));
  }

  private void finish() {
    String stopReason =
        promptBlocked
            ? FinishReasons.promptBlocked()
            : FinishReasons.stopReason(finishReason, assembler.sawToolCall());
    events.add(AnthropicEvents.messageDelta(stopReason, null, GeminiUsage.of(lastUsage)));
    events.add(AnthropicEvents.messageStop());
    ended = true;
  }

  /** Ends the client's stream with an error event; the grammar allows one at any point. */
  private List<SseEvent> fail(GatewayError error) {
    ended = true;
    return List.of(AnthropicEvents.error(error));
  }

  /** One chunk, which Gemini always sends as JSON: anything else is a broken upstream. */
  private static JsonNode parse(String data) {
    try {
      return Json.parse(data);
    } catch (UncheckedIOException e) {
      String shown = data.length() <= 200 ? data : data.substring(0, 200) + "...";
      throw new IllegalStateException("Gemini sent data that is not JSON: " + shown, e.getCause());
    }
  }

  /** Collects the events one upstream event produces, as the assembler decides the blocks. */
  private static final class EventSink implements BlockSink {

    private List<SseEvent> pending = new ArrayList<>();

    void add(SseEvent event) {
      pending.add(event);
    }

    List<SseEvent> drain() {
      List<SseEvent> out = pending;
      pending = new ArrayList<>();
      return out;
    }

    @Override
    public void open(int index, BlockKind kind) {
      pending.add(
          kind == BlockKind.THINKING
              ? AnthropicEvents.thinkingBlockStart(index)
              : AnthropicEvents.textBlockStart(index));
    }

    @Override
    public void append(int index, BlockKind kind, String text) {
      pending.add(
          kind == BlockKind.THINKING
              ? AnthropicEvents.thinkingDelta(index, text)
              : AnthropicEvents.textDelta(index, text));
    }

    @Override
    public void sign(int index, String signature) {
      pending.add(AnthropicEvents.signatureDelta(index, signature));
    }

    @Override
    public void close(int index) {
      pending.add(AnthropicEvents.blockStop(index));
    }

    @Override
    public void toolUse(int index, String id, String name, JsonNode input) {
      pending.add(AnthropicEvents.toolUseBlockStart(index, id, name));
      pending.add(AnthropicEvents.inputJsonDelta(index, input.toString()));
      pending.add(AnthropicEvents.blockStop(index));
    }
  }
}
