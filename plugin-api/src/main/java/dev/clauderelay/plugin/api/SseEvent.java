package dev.clauderelay.plugin.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One server-sent event: an event name and its data, a single line of JSON for every event the
 * Anthropic and OpenAI-style APIs send.
 *
 * @param event the {@code event:} field, or {@code null} when the stream has none (OpenAI)
 * @param data the {@code data:} field, without the trailing newline
 */
public record SseEvent(String event, String data) {

  public SseEvent {
    Objects.requireNonNull(data, "data");
  }

  /** The event in wire form, ending with the blank line that terminates an event. */
  public byte[] toWire() {
    StringBuilder wire = new StringBuilder(data.length() + 32);
    if (event != null) {
      wire.append("event: ").append(event).append('\n');
    }
    for (String line : data.split("\n", -1)) {
      wire.append("data: ").append(line).append('\n');
    }
    return wire.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }
}
