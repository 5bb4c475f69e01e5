package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.SseEventParser;
import dev.clauderelay.plugin.api.SseEventTooLargeException;
import dev.clauderelay.plugin.api.StreamTranslator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A translated upstream's stream: upstream events through the plugin's {@link StreamTranslator},
 * each resulting Anthropic event written as it is produced. A translator that throws ends the
 * client's stream with an {@code api_error} event; so does an upstream event above the parser's
 * bound, reported as the upstream's fault rather than the translator's.
 */
final class TranslatedStreamProcessor implements StreamProcessor {

  private static final Logger LOG = Logger.getLogger(TranslatedStreamProcessor.class.getName());

  private final SseEventParser parser;
  private final StreamTranslator translator;
  private final String requestId;
  private final UsageTally usage = new UsageTally();
  private boolean ended;
  private String upstreamFault;

  TranslatedStreamProcessor(StreamTranslator translator, String requestId) {
    this(new SseEventParser(), translator, requestId);
  }

  TranslatedStreamProcessor(SseEventParser parser, StreamTranslator translator, String requestId) {
    this.parser = parser;
    this.translator = translator;
    this.requestId = requestId;
  }

  @Override
  public List<byte[]> onChunk(byte[] chunk, int offset, int length) {
    if (ended) {
      return List.of();
    }
    List<SseEvent> upstreamEvents;
    try {
      upstreamEvents = parser.feed(ByteBuffer.wrap(chunk, offset, length));
    } catch (SseEventTooLargeException e) {
      upstreamEvents = e.completedEvents();
      upstreamFault = e.getMessage();
    }
    List<byte[]> out = new ArrayList<>();
    try {
      for (SseEvent upstream : upstreamEvents) {
        emit(translator.onEvent(upstream), out);
      }
    } catch (RuntimeException e) {
      out.addAll(translatorFailed(e));
      return out;
    }
    if (upstreamFault != null) {
      out.addAll(onError(new GatewayError(ErrorType.API, ErrorEvents.tooLargeMessage())));
    }
    return out;
  }

  @Override
  public List<byte[]> onComplete() {
    if (ended) {
      return List.of();
    }
    List<byte[]> out = new ArrayList<>();
    try {
      for (SseEvent upstream : parser.finish()) {
        emit(translator.onEvent(upstream), out);
      }
      emit(translator.onComplete(), out);
    } catch (RuntimeException e) {
      out.addAll(translatorFailed(e));
    }
    ended = true;
    return out;
  }

  @Override
  public List<byte[]> onError(GatewayError error) {
    if (ended) {
      return List.of();
    }
    List<byte[]> out = new ArrayList<>();
    try {
      emit(translator.onError(error), out);
    } catch (RuntimeException e) {
      out.add(ErrorEvents.event(error));
    }
    ended = true;
    return out;
  }

  private void emit(List<SseEvent> events, List<byte[]> out) {
    for (SseEvent event : events) {
      if (event.event() != null) {
        usage.observeEvent(event.event(), event.data());
      }
      out.add(event.toWire());
    }
  }

  private List<byte[]> translatorFailed(RuntimeException e) {
    LOG.log(Level.SEVERE, "Stream translation failed, request " + requestId, e);
    ended = true;
    return List.of(
        ErrorEvents.event(
            new GatewayError(
                ErrorType.API,
                "The relay could not translate the upstream's stream (request "
                    + requestId
                    + ").")));
  }

  @Override
  public String upstreamFault() {
    return upstreamFault;
  }

  @Override
  public boolean completedNormally() {
    return usage.messageStopSeen;
  }

  @Override
  public UsageTally usage() {
    return usage;
  }
}
