package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.SseEvent;

/** The SSE {@code error} event that ends a client's stream once it has started. */
final class ErrorEvents {

  private ErrorEvents() {}

  static byte[] event(GatewayError error) {
    return new SseEvent("error", ErrorBodies.json(error.type(), error.getMessage())).toWire();
  }
}
