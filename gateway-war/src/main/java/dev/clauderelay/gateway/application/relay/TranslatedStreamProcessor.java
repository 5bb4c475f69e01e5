package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.SseEventParser;
import dev.clauderelay.plugin.api.StreamTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A translated upstream's stream: upstream events through the plugin's {@link StreamTranslator},
 * each resulting Anthropic event written as it is produced. A translator that throws ends the
 * client's stream with an {@code api_error} event.
 */
final class TranslatedStreamProcessor implements StreamProcessor {

  private static final Logger LOG = Logger.getLogger(TranslatedStreamProcessor.class.getName());

  private final SseEventParser parser = new SseEventParser();
  private final StreamTranslator translator;
  private final String requestId;
  private final UsageTally usage = new UsageTally();
  private boolean ended;

  TranslatedStreamProcessor(StreamTranslator translator, String requestId) {
    this.translator = translator;
    this.requestId = requestId;
  }

  @Override
  public List<byte[]> onChunk(byte[] chunk, int offset, int length) {
    if (ended) {
      return List.of();
    }
    List<byte[]> out = new ArrayList<>();
    try {
      for (SseEvent upstream : parser.feed(java.nio.ByteBuffer.wrap(chunk, offset, length))) {
        emit(translator.onEvent(upstream), out);
      }
    } catch (RuntimeException e) {
      out.addAll(translatorFailed(e));
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
  public boolean completedNormally() {
    return usage.messageStopSeen;
  }

  @Override
  public UsageTally usage() {
    return usage;
  }
}
