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

  /**
   * The event in wire form, ending with the blank line that terminates an event: one {@code data:}
   * line per line of the data. Built in bytes, each byte copied once (a line end cannot fall inside
   * a UTF-8 character).
   */
  public byte[] toWire() {
    byte[] name = event == null ? null : event.getBytes(StandardCharsets.UTF_8);
    byte[] value = data.getBytes(StandardCharsets.UTF_8);
    int lineEnds = 0;
    for (byte b : value) {
      if (b == '\n') {
        lineEnds++;
      }
    }
    int nameLength = name == null ? 0 : EVENT_FIELD.length + name.length + 1;
    byte[] wire = new byte[nameLength + (lineEnds + 1) * DATA_FIELD.length + value.length + 2];
    int at = 0;
    if (name != null) {
      at = put(EVENT_FIELD, 0, EVENT_FIELD.length, wire, at);
      at = put(name, 0, name.length, wire, at);
      wire[at++] = '\n';
    }
    int line = 0;
    for (int i = 0; i <= value.length; i++) {
      if (i == value.length || value[i] == '\n') {
        at = put(DATA_FIELD, 0, DATA_FIELD.length, wire, at);
        at = put(value, line, i - line, wire, at);
        wire[at++] = '\n';
        line = i + 1;
      }
    }
    wire[at] = '\n';
    return wire;
  }

  private static int put(byte[] bytes, int from, int length, byte[] wire, int at) {
    System.arraycopy(bytes, from, wire, at, length);
    return at + length;
  }
}
