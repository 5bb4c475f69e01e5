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

  private static final byte[] EVENT_FIELD = "event: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DATA_FIELD = "data: ".getBytes(StandardCharsets.US_ASCII);

  /** The event in wire form, ending with the blank line that terminates an event. */
  public byte[] toWire() {
    if (data.indexOf('\n') >= 0) {
      StringBuilder wire = new StringBuilder(data.length() + 32);
      if (event != null) {
        wire.append("event: ").append(event).append('\n');
      }
      for (String line : data.split("\n", -1)) {
        wire.append("data: ").append(line).append('\n');
      }
      return wire.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
    // One data line, every event of the Anthropic API: its bytes copied once into the wire form.
    byte[] name = event == null ? null : event.getBytes(StandardCharsets.UTF_8);
    byte[] value = data.getBytes(StandardCharsets.UTF_8);
    int nameLength = name == null ? 0 : EVENT_FIELD.length + name.length + 1;
    byte[] wire = new byte[nameLength + DATA_FIELD.length + value.length + 2];
    int at = 0;
    if (name != null) {
      at = put(EVENT_FIELD, wire, at);
      at = put(name, wire, at);
      wire[at++] = '\n';
    }
    at = put(DATA_FIELD, wire, at);
    at = put(value, wire, at);
    wire[at++] = '\n';
    wire[at] = '\n';
    return wire;
  }

  private static int put(byte[] bytes, byte[] wire, int at) {
    System.arraycopy(bytes, 0, wire, at, bytes.length);
    return at + bytes.length;
  }
}
