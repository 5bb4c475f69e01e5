package com.example.relay.acme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.support.AnthropicEvents;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * One Acme Chat stream as Anthropic events: {@code token} events become one text block, {@code
 * done} holds the stop reason and usage until the stream ends, {@code failure} ends the stream with
 * an error event. One instance per stream; calls come one at a time.
 */
final class AcmeToAnthropicStreamTranslator implements StreamTranslator {

  private final TranslationContext context;
  private boolean started;
  private boolean textOpen;
  private boolean finished;
  private String stopReason;
  private String stopSequence;
  private Usage usage = Usage.NONE;

  AcmeToAnthropicStreamTranslator(TranslationContext context) {
    this.context = context;
  }

  @Override
  public List<SseEvent> onEvent(SseEvent upstreamEvent) {
    List<SseEvent> out = new ArrayList<>();
    if (finished) {
      return out;
    }
    JsonNode data = Json.parseOrNull(upstreamEvent.data());
    if (data == null) {
      throw new GatewayError(ErrorType.API, "Acme Chat sent an event that is not JSON.");
    }
    String type = upstreamEvent.event() == null ? "token" : upstreamEvent.event();
    switch (type) {
      case "token" -> onToken(Json.text(data, "text"), out);
      case "done" -> onDone(data);
      case "failure" -> {
        finished = true;
        out.add(
            AnthropicEvents.error(
                ErrorType.OVERLOADED,
                "Acme Chat failed mid-stream: " + data.path("message").asText("no reason given")));
      }
      default -> {
        // keep-alives and events a newer Acme adds: nothing to say
      }
    }
    return out;
  }

  @Override
  public List<SseEvent> onComplete() {
    List<SseEvent> out = new ArrayList<>();
    if (finished) {
      return out;
    }
    finished = true;
    if (stopReason == null) {
      out.add(
          AnthropicEvents.error(
              ErrorType.API, "Acme Chat's stream ended before its done event."));
      return out;
    }
    start(out);
    if (textOpen) {
      out.add(AnthropicEvents.blockStop(0));
      textOpen = false;
    }
    out.add(AnthropicEvents.messageDelta(stopReason, stopSequence, usage));
    out.add(AnthropicEvents.messageStop());
    return out;
  }

  @Override
  public List<SseEvent> onError(GatewayError error) {
    if (finished) {
      return List.of();
    }
    finished = true;
    return List.of(AnthropicEvents.error(error));
  }

  private void onToken(String text, List<SseEvent> out) {
    if (text == null || text.isEmpty()) {
      return;
    }
    start(out);
    if (!textOpen) {
      out.add(AnthropicEvents.textBlockStart(0));
      textOpen = true;
    }
    out.add(AnthropicEvents.textDelta(0, text));
  }

  private void onDone(JsonNode data) {
    stopReason = AcmeChatTransformer.stopReason(Json.text(data, "finish"));
    stopSequence = Json.text(data, "stop_word");
    usage = AcmeChatTransformer.usage(data.path("tokens"));
  }

  private void start(List<SseEvent> out) {
    if (!started) {
      started = true;
      out.add(AnthropicEvents.messageStart(context.messageId(), context.requestedModel(), Usage.NONE));
    }
  }
}
