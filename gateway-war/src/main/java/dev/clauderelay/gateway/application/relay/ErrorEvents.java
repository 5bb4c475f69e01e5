package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.SseEventParser;

/** The SSE {@code error} event that ends a client's stream once it has started. */
final class ErrorEvents {

  private ErrorEvents() {}

  static byte[] event(GatewayError error) {
    return new SseEvent("error", ErrorBodies.json(error.type(), error.getMessage())).toWire();
  }

  /** What the client reads when the upstream sent an event above the relay's bound. */
  static String tooLargeMessage() {
    return "The upstream sent a stream event larger than "
        + SseEventParser.MAX_EVENT_BYTES / (1024 * 1024)
        + " MiB; the relay ended the stream.";
  }
}
