package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.api.ErrorClassification;
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
import dev.clauderelay.plugin.support.openai.OpenAiErrorTable;
import dev.clauderelay.plugin.support.openai.UpstreamErrorBody;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns one OpenAI Chat Completions chunk stream into an Anthropic Messages event stream; one
 * instance per stream, made by {@link AnthropicToOpenAiTransformer#newStreamTranslator}.
 *
 * <p>Anthropic blocks are sequential, OpenAI deltas are not, so the translator keeps one block open
 * at a time: {@code reasoning_content} opens a thinking block (first or not at all), {@code
 * content} a text block, and a tool call a tool_use block once its id and name are known (arguments
 * that come earlier are held). While one tool call streams, the next parallel call is held until
 * the first one's arguments form a complete JSON value; that keeps calls whose fragments interleave
 * intact. The {@code finish_reason} is held until the usage chunk that OpenAI sends after it (usage
 * is what {@code message_delta} must carry), or until {@code [DONE]} or the end of the stream.
 */
public final class OpenAiToAnthropicStreamTranslator implements StreamTranslator {

  private enum Block {
    NONE,
    TEXT,
    THINKING,
    TOOL
  }

  private final TranslationContext context;
  private final Degradations degradations;

  /** Tool calls by upstream index, sorted so that held calls open in the upstream's order. */
  private final SortedMap<Integer, StreamedToolCall> toolCalls;

  private boolean started;
  private boolean ended;
  private int nextBlockIndex;
  private Block openBlock;
  private int openBlockIndex;
  private StreamedToolCall liveTool;
  private int toolBlocks;
  private Usage usage;
  private boolean finishSeen;
  private String finishReason;
  private String stopSequence;
  private boolean refused;

  OpenAiToAnthropicStreamTranslator(TranslationContext context) {
    this.context = context;
    this.degradations = new Degradations(context.degradation());
    this.toolCalls = new TreeMap<>();
    this.started = false;
    this.ended = false;
    this.nextBlockIndex = 0;
    this.openBlock = Block.NONE;
    this.openBlockIndex = -1;
    this.liveTool = null;
    this.toolBlocks = 0;
    this.usage = Usage.NONE;
    this.finishSeen = false;
    this.finishReason = null;
    this.stopSequence = null;
    this.refused = false;
  }

  @Override
  public List<SseEvent> onEvent(SseEvent upstreamEvent) {
    String data = upstreamEvent.data().strip();
    if (ended || data.isEmpty()) {
      return List.of();
    }
    List<SseEvent> out = new ArrayList<>(4);
    if (data.equals("[DONE]")) {
      onDone(out);
      return out;
    }
    JsonNode chunk = Json.parseOrNull(data);
    if (chunk == null || !chunk.isObject()) {
      fail(out, ErrorType.API, "The upstream sent a stream event that is not a JSON object.");
      return out;
    }
    if (chunk.hasNonNull("error") || "error".equals(upstreamEvent.event())) {
      onUpstreamError(chunk, out);
      return out;
    }
    JsonNode usageNode = chunk.get("usage");
    boolean carriesUsage = usageNode != null && usageNode.isObject();
    if (carriesUsage) {
      usage = OpenAiUsage.of(usageNode);
    }
    start(out);
    for (JsonNode choice : chunk.path("choices")) {
      if (choice.path("index").asInt(0) == 0 && !ended) {
        onChoice(choice, out);
      }
    }
    if (!ended && finishSeen && carriesUsage) {
      finish(out);
    }
    return out;
  }

  @Override
  public List<SseEvent> onComplete() {
    if (ended) {
      return List.of();
    }
    List<SseEvent> out = new ArrayList<>(4);
    if (!started) {
      fail(out, ErrorType.API, "The upstream closed the stream without sending an answer.");
    } else if (!finishSeen) {
      // Neither finish_reason nor [DONE]: the connection ended mid-answer, and a cut tool call
      // passed off as complete would run with half its arguments.
      fail(out, ErrorType.API, "The upstream stream broke off before the answer was complete.");
    } else {
      finish(out);
    }
    return out;
  }

  @Override
  public List<SseEvent> onError(GatewayError error) {
    if (ended) {
      return List.of();
    }
    List<SseEvent> out = new ArrayList<>(1);
    fail(out, error.type(), error.getMessage());
    return out;
  }

  private void start(List<SseEvent> out) {
    if (!started) {
      started = true;
      out.add(AnthropicEvents.messageStart(context.messageId(), context.requestedModel(), usage));
    }
  }

  private void onChoice(JsonNode choice, List<SseEvent> out) {
    JsonNode delta = choice.path("delta");
    String reasoning = OpenAiMessageFields.reasoningOf(delta);
    if (!Json.isEmpty(reasoning)) {
      onReasoningDelta(reasoning, out);
    }
    String content = OpenAiMessageFields.textOf(delta.get("content"));
    if (!Json.isEmpty(content)) {
      onTextDelta(content, out);
    }
    String refusal = Json.text(delta, "refusal");
    if (!Json.isEmpty(refusal)) {
      refused = true;
      onTextDelta(refusal, out);
    }
    JsonNode calls = delta.get("tool_calls");
    if (calls != null && calls.isArray()) {
      for (JsonNode call : calls) {
        onToolCallDelta(call, out);
        if (ended) {
          return;
        }
      }
    }
    String finish = Json.text(choice, "finish_reason");
    if (finish != null) {
      onFinishReason(finish, choice, out);
    }
  }

  /**
   * Reasoning opens a thinking block only before any other block: Anthropic streams put thinking
   * first, and clients fold blocks in that order. Reasoning that comes after the answer began is
   * dropped, and said so.
   */
  private void onReasoningDelta(String reasoning, List<SseEvent> out) {
    if (openBlock != Block.THINKING && nextBlockIndex > 0) {
      if (!reasoning.isBlank()) {
        degradations.report(
            "Reasoning that came after the answer had begun was dropped: Anthropic streams put"
                + " thinking first.");
      }
      return;
    }
    openTextBlock(Block.THINKING, out);
    out.add(AnthropicEvents.thinkingDelta(openBlockIndex, reasoning));
  }

  private void onTextDelta(String text, List<SseEvent> out) {
    openTextBlock(Block.TEXT, out);
    out.add(AnthropicEvents.textDelta(openBlockIndex, text));
  }

  private void onToolCallDelta(JsonNode call, List<SseEvent> out) {
    StreamedToolCall tool = toolCallFor(call);
    tool.learnIdentity(Json.text(call, "id"), Json.text(call.path("function"), "name"));
    String fragment = argumentsOf(call.path("function"));
    switch (tool.state) {
      case LIVE -> streamArguments(tool, fragment, out);
      case HELD -> tool.hold(fragment);
      case CLOSED -> {
        if (!fragment.isBlank()) {
          fail(out, ErrorType.API, "The upstream continued a tool call after ending it.");
          return;
        }
      }
    }
    advanceTools(out);
  }

  private void onFinishReason(String finish, JsonNode choice, List<SseEvent> out) {
    if (StopReasons.OUT_OF_CAPACITY.equals(finish)) {
      fail(
          out,
          ErrorType.OVERLOADED,
          "The upstream ran out of capacity before finishing the answer; retry.");
      return;
    }
    finishSeen = true;
    finishReason = finish;
    String matched = StopReasons.matchedStopSequence(choice);
    if (matched != null) {
      stopSequence = matched;
    }
  }

  private void onDone(List<SseEvent> out) {
    if (!started) {
      fail(out, ErrorType.API, "The upstream ended the stream without sending an answer.");
      return;
    }
    finishSeen = true; // [DONE] without a finish_reason: the upstream considers the answer whole
    finish(out);
  }

  private void onUpstreamError(JsonNode chunk, List<SseEvent> out) {
    ErrorClassification classification =
        OpenAiErrorTable.classifyInStream(UpstreamErrorBody.of(chunk));
    fail(out, classification.clientType(), classification.message());
  }

  /** Opens a text or thinking block unless one of that kind is already open. */
  private void openTextBlock(Block kind, List<SseEvent> out) {
    if (openBlock == kind) {
      return;
    }
    closeOpenBlock(out);
    openHeldTools(out, false);
    openBlock = kind;
    openBlockIndex = nextBlockIndex++;
    out.add(
        kind == Block.THINKING
            ? AnthropicEvents.thinkingBlockStart(openBlockIndex)
            : AnthropicEvents.textBlockStart(openBlockIndex));
  }

  /**
   * Opens the next held tool call, in upstream order, when it is identified and no other tool call
   * is still streaming arguments.
   */
  private void advanceTools(List<SseEvent> out) {
    while (true) {
      StreamedToolCall next = firstHeldTool();
      if (next == null || !next.identified()) {
        return;
      }
      if (liveTool != null && !liveTool.argumentsComplete()) {
        return;
      }
      openTool(next, out);
    }
  }

  /**
   * Writes out every held tool call as a whole block. Mid-stream (text follows tool calls) it stops
   * at the first call still waiting for its id or name; at the end it gives an id to calls the
   * upstream never gave one and drops calls it never named.
   */
  private void openHeldTools(List<SseEvent> out, boolean finishing) {
    for (StreamedToolCall tool : toolCalls.values()) {
      if (tool.state != StreamedToolCall.State.HELD) {
        continue;
      }
      if (!tool.identified()) {
        if (!finishing) {
          return;
        }
        if (tool.name == null) {
          degradations.report("A tool call the upstream never named was dropped.");
          tool.state = StreamedToolCall.State.CLOSED;
          continue;
        }
        tool.id = ToolUseIds.synthetic(context.messageId(), tool.index);
      }
      openTool(tool, out);
      closeOpenBlock(out);
    }
  }

  private void openTool(StreamedToolCall tool, List<SseEvent> out) {
    closeOpenBlock(out);
    openBlock = Block.TOOL;
    openBlockIndex = nextBlockIndex++;
    liveTool = tool;
    tool.state = StreamedToolCall.State.LIVE;
    toolBlocks++;
    out.add(AnthropicEvents.toolUseBlockStart(openBlockIndex, tool.id, tool.name));
    streamArguments(tool, tool.takeHeld(), out);
  }

  private void streamArguments(StreamedToolCall tool, String fragment, List<SseEvent> out) {
    if (!fragment.isEmpty()) {
      tool.streamed(fragment);
      out.add(AnthropicEvents.inputJsonDelta(openBlockIndex, fragment));
    }
  }

  private void closeOpenBlock(List<SseEvent> out) {
    if (openBlock == Block.NONE) {
      return;
    }
    out.add(AnthropicEvents.blockStop(openBlockIndex));
    if (openBlock == Block.TOOL) {
      liveTool.state = StreamedToolCall.State.CLOSED;
      liveTool = null;
    }
    openBlock = Block.NONE;
  }

  private void finish(List<SseEvent> out) {
    closeOpenBlock(out);
    openHeldTools(out, true);
    String stopReason = StopReasons.stopReason(finishReason, toolBlocks > 0, refused, stopSequence);
    out.add(
        AnthropicEvents.messageDelta(
            stopReason, "stop_sequence".equals(stopReason) ? stopSequence : null, usage));
    out.add(AnthropicEvents.messageStop());
    ended = true;
  }

  private void fail(List<SseEvent> out, ErrorType type, String message) {
    out.add(AnthropicEvents.error(type, message));
    ended = true;
  }

  private StreamedToolCall firstHeldTool() {
    for (StreamedToolCall tool : toolCalls.values()) {
      if (tool.state == StreamedToolCall.State.HELD) {
        return tool;
      }
    }
    return null;
  }

  /**
   * The call a delta continues. Some servers leave out {@code index}: then a new id starts a new
   * call and a delta without id continues the latest one.
   */
  private StreamedToolCall toolCallFor(JsonNode call) {
    JsonNode index = call.get("index");
    if (index != null && index.canConvertToInt()) {
      return toolCalls.computeIfAbsent(index.asInt(), StreamedToolCall::new);
    }
    String id = Json.text(call, "id");
    if (!Json.isEmpty(id)) {
      for (StreamedToolCall tool : toolCalls.values()) {
        if (id.equals(tool.id)) {
          return tool;
        }
      }
    }
    if (Json.isEmpty(id) && !toolCalls.isEmpty()) {
      return toolCalls.get(toolCalls.lastKey());
    }
    int next = toolCalls.isEmpty() ? 0 : toolCalls.lastKey() + 1;
    return toolCalls.computeIfAbsent(next, StreamedToolCall::new);
  }

  private static String argumentsOf(JsonNode function) {
    JsonNode arguments = function.get("arguments");
    if (arguments == null || arguments.isNull()) {
      return "";
    }
    return arguments.isTextual() ? arguments.asText() : Json.write(arguments);
  }
}
