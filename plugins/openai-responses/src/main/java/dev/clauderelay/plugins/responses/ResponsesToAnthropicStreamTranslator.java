package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.support.AnthropicEvents;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.ToolUseIds;
import dev.clauderelay.plugin.support.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one Responses API event stream into Anthropic stream events, event by event: each upstream
 * delta becomes one client delta at once, nothing is held back but the stop reason and usage, which
 * only {@code response.completed} (or {@code .incomplete}) carries.
 *
 * <p>The upstream streams its output items one after another ({@code output_item.added}, their
 * deltas, {@code output_item.done}), so at most one client block is open: a {@code reasoning} item
 * opens a thinking block that closes with its encrypted content as the signature; a {@code message}
 * opens a text block at its first text; a {@code function_call} opens a tool_use block named by its
 * {@code call_id}. {@code response.failed} and {@code error} end the stream with an Anthropic error
 * event; a stream that ends without a final response event is cut short and ends with one too. One
 * instance per stream.
 */
final class ResponsesToAnthropicStreamTranslator implements StreamTranslator {

  private enum Block {
    NONE,
    TEXT,
    THINKING,
    TOOL
  }

  /** The events that open the stream and carry nothing else the client needs. */
  private static final Set<String> STARTS =
      Set.of("response.created", "response.in_progress", "response.queued");

  /**
   * Events whose name says all: they are read without parsing their data (the start events echo the
   * request's instructions and tools, tens of kilobytes for Claude Code).
   */
  private static final Set<String> NO_NEWS =
      Set.of(
          "response.created",
          "response.in_progress",
          "response.queued",
          "response.content_part.added",
          "response.content_part.done",
          "response.output_text.done",
          "response.output_text.annotation.added",
          "response.refusal.done",
          "response.reasoning_summary_text.done",
          "response.reasoning_summary_part.done",
          "response.reasoning_text.done");

  private final TranslationContext context;
  private final Degradations degradations;
  private boolean started;
  private boolean finished;
  private int nextIndex;
  private Block open = Block.NONE;
  private int openIndex = -1;
  private boolean openToolGotArguments;
  private int toolCalls;
  private boolean refused;

  ResponsesToAnthropicStreamTranslator(TranslationContext context) {
    this.context = context;
    this.degradations = new Degradations(context.degradation());
  }

  @Override
  public List<SseEvent> onEvent(SseEvent upstreamEvent) {
    if (finished) {
      return List.of();
    }
    String type = upstreamEvent.event();
    if (type != null && NO_NEWS.contains(type)) {
      // Not parsed: these echo the whole request (instructions, tools) or repeat the deltas.
      List<SseEvent> out = new ArrayList<>(1);
      if (STARTS.contains(type)) {
        start(out);
      }
      return out;
    }
    JsonNode data = Json.parse(upstreamEvent.data());
    String dataType = Json.text(data, "type");
    if (dataType != null) {
      type = dataType;
    } else if (type == null) {
      type = "";
    }
    List<SseEvent> out = new ArrayList<>(3);
    switch (type) {
      case "response.created", "response.in_progress", "response.queued" -> start(out);
      case "response.output_item.added" -> onItemAdded(data.path("item"), out);
      case "response.output_text.delta" -> onText(Json.text(data, "delta"), out);
      case "response.refusal.delta" -> {
        refused = true;
        onText(Json.text(data, "delta"), out);
      }
      case "response.reasoning_summary_part.added" -> {
        if (data.path("summary_index").asInt(0) > 0 && open == Block.THINKING) {
          out.add(AnthropicEvents.thinkingDelta(openIndex, "\n\n"));
        }
      }
      case "response.reasoning_summary_text.delta", "response.reasoning_text.delta" ->
          onThinking(Json.text(data, "delta"), out);
      case "response.function_call_arguments.delta" -> onArguments(data, out);
      case "response.function_call_arguments.done" -> {
        if (open == Block.TOOL && !openToolGotArguments) {
          arguments(Json.text(data, "arguments"), out);
        }
      }
      case "response.output_item.done" -> onItemDone(data.path("item"), out);
      case "response.completed", "response.incomplete" -> finish(data.path("response"), out);
      case "response.failed" ->
          fail(ResponseOutcome.error(data.path("response").get("error")), out);
      case "error" ->
          fail(ResponseOutcome.error(data.has("error") ? data.get("error") : data), out);
      default -> {
        // content_part.added/done, output_text.done, annotations, summary text done: no news
      }
    }
    return out;
  }

  @Override
  public List<SseEvent> onComplete() {
    if (finished) {
      return List.of();
    }
    List<SseEvent> out = new ArrayList<>(2);
    fail(
        new GatewayError(
            ErrorType.API, "The upstream stream ended before the response was complete."),
        out);
    return out;
  }

  @Override
  public List<SseEvent> onError(GatewayError error) {
    if (finished) {
      return List.of();
    }
    List<SseEvent> out = new ArrayList<>(1);
    fail(error, out);
    return out;
  }

  private void start(List<SseEvent> out) {
    if (!started) {
      started = true;
      out.add(
          AnthropicEvents.messageStart(context.messageId(), context.requestedModel(), Usage.NONE));
    }
  }

  private void onItemAdded(JsonNode item, List<SseEvent> out) {
    start(out);
    switch (item.path("type").asText()) {
      case "reasoning" -> openBlock(Block.THINKING, out);
      case "function_call" -> {
        openBlock(Block.TOOL, out);
        String callId = Json.nonEmptyText(item, "call_id");
        out.add(
            AnthropicEvents.toolUseBlockStart(
                openIndex,
                callId != null ? callId : ToolUseIds.synthetic(context.messageId(), toolCalls),
                item.path("name").asText()));
        toolCalls++;
        openToolGotArguments = false;
      }
      case "message" -> closeBlock(out); // its text block opens at the first text
      default ->
          degradations.report(
              "An output item of type "
                  + item.path("type").asText("unknown")
                  + " was left out: Anthropic messages have no equivalent.");
    }
  }

  private void onText(String text, List<SseEvent> out) {
    start(out);
    if (Json.isEmpty(text)) {
      return;
    }
    if (open != Block.TEXT) {
      openBlock(Block.TEXT, out);
    }
    out.add(AnthropicEvents.textDelta(openIndex, text));
  }

  private void onThinking(String text, List<SseEvent> out) {
    start(out);
    if (Json.isEmpty(text)) {
      return;
    }
    if (open != Block.THINKING) {
      openBlock(Block.THINKING, out);
    }
    out.add(AnthropicEvents.thinkingDelta(openIndex, text));
  }

  private void onArguments(JsonNode data, List<SseEvent> out) {
    if (open != Block.TOOL) {
      throw new IllegalStateException("function call arguments arrived outside a function call");
    }
    arguments(Json.text(data, "delta"), out);
  }

  private void arguments(String fragment, List<SseEvent> out) {
    if (!Json.isEmpty(fragment)) {
      openToolGotArguments = true;
      out.add(AnthropicEvents.inputJsonDelta(openIndex, fragment));
    }
  }

  private void onItemDone(JsonNode item, List<SseEvent> out) {
    start(out);
    switch (item.path("type").asText()) {
      case "reasoning" -> {
        if (open != Block.THINKING) {
          openBlock(Block.THINKING, out);
        }
        String signature =
            ReasoningSignatures.encode(Json.text(item, "id"), Json.text(item, "encrypted_content"));
        if (!signature.isEmpty()) {
          out.add(AnthropicEvents.signatureDelta(openIndex, signature));
        }
        closeBlock(out);
      }
      case "function_call" -> {
        if (open == Block.TOOL && !openToolGotArguments) {
          arguments(Json.text(item, "arguments"), out);
        }
        closeBlock(out);
      }
      case "message" -> closeBlock(out);
      default -> {
        // reported when added
      }
    }
  }

  private void finish(JsonNode response, List<SseEvent> out) {
    start(out);
    closeBlock(out);
    finished = true;
    out.add(
        AnthropicEvents.messageDelta(
            ResponseOutcome.stopReason(response, toolCalls > 0, refused),
            null,
            ResponseOutcome.usage(response.get("usage"))));
    out.add(AnthropicEvents.messageStop());
  }

  private void fail(GatewayError error, List<SseEvent> out) {
    finished = true;
    out.add(AnthropicEvents.error(error));
  }

  private void openBlock(Block kind, List<SseEvent> out) {
    closeBlock(out);
    open = kind;
    openIndex = nextIndex++;
    if (kind == Block.TEXT) {
      out.add(AnthropicEvents.textBlockStart(openIndex));
    } else if (kind == Block.THINKING) {
      out.add(AnthropicEvents.thinkingBlockStart(openIndex));
    }
  }

  private void closeBlock(List<SseEvent> out) {
    if (open != Block.NONE) {
      out.add(AnthropicEvents.blockStop(openIndex));
      open = Block.NONE;
    }
  }
}
