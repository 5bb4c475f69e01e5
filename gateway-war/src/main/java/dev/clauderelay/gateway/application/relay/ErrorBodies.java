package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.clauderelay.plugin.api.ErrorType;

/** Anthropic's error body, {@code {"type":"error","error":{"type":...,"message":...}}}. */
public final class ErrorBodies {

  private ErrorBodies() {}

  public static String json(ErrorType type, String message) {
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    return "{\"type\":\"error\",\"error\":{\"type\":\""
        + type.wireName()
        + "\",\"message\":\""
        + new String(encoder.quoteAsString(message))
        + "\"}}";
  }
}
