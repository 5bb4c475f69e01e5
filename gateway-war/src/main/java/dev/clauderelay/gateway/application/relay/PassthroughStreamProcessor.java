package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.SseEventParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An Anthropic upstream's stream, forwarded as the upstream wrote it: each event's bytes untouched,
 * only regrouped into whole events. The few events that carry usage are parsed.
 */
final class PassthroughStreamProcessor implements StreamProcessor {

  private static final byte[] EVENT_PREFIX = "event: message_".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ERROR_PREFIX = "event: error".getBytes(StandardCharsets.US_ASCII);

  private final SseFramer framer;
  private final UsageTally usage = new UsageTally();
  private boolean ended;
  private String upstreamFault;

  PassthroughStreamProcessor() {
    this(new SseFramer());
  }

  PassthroughStreamProcessor(SseFramer framer) {
    this.framer = framer;
  }

  @Override
  public List<byte[]> onChunk(byte[] chunk, int offset, int length) {
    if (ended) {
      return List.of();
    }
    List<byte[]> events;
    try {
      events = framer.feed(chunk, offset, length);
    } catch (SseFramer.EventTooLarge e) {
      events = new ArrayList<>(e.completedEvents());
      events.forEach(this::observe);
      upstreamFault = e.getMessage();
      events.addAll(end(new GatewayError(ErrorType.API, ErrorEvents.tooLargeMessage())));
      return events;
    }
    for (byte[] event : events) {
      observe(event);
    }
    return events;
  }

  /** Parses only {@code message_*} and {@code error} events: the deltas stay bytes. */
  private void observe(byte[] event) {
    if (startsWith(event, EVENT_PREFIX) || startsWith(event, ERROR_PREFIX)) {
      SseEventParser parser = new SseEventParser();
      List<SseEvent> parsed = new ArrayList<>(parser.feed(event));
      parsed.addAll(parser.finish());
      for (SseEvent e : parsed) {
        if (e.event() != null) {
          usage.observeEvent(e.event(), e.data());
        }
      }
    }
  }

  @Override
  public List<byte[]> onComplete() {
    List<byte[]> events = new ArrayList<>(framer.finish());
    events.forEach(this::observe);
    if (!usage.messageStopSeen && usage.streamErrorType == null && !ended) {
      events.addAll(
          end(
              new GatewayError(
                  ErrorType.API,
                  "The upstream ended the stream before its end (no message_stop).")));
    }
    ended = true;
    return events;
  }

  @Override
  public List<byte[]> onError(GatewayError error) {
    if (ended || usage.messageStopSeen) {
      return List.of();
    }
    return end(error);
  }

  /** The relay's {@code error} event that ends the client's stream, counted as its error. */
  private List<byte[]> end(GatewayError error) {
    ended = true;
    usage.streamErrorType = error.type().wireName();
    return List.of(ErrorEvents.event(error));
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

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
