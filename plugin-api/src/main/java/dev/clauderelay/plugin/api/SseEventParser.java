package dev.clauderelay.plugin.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a server-sent event stream incrementally, as bytes arrive in chunks of any size: a line or
 * a UTF-8 character split across chunks, {@code \n}, {@code \r\n} or {@code \r} line ends, {@code
 * :} comment lines (keep-alives), multi-line {@code data}. The one SSE parser of the relay, used
 * for upstream streams and by tests.
 *
 * <p>Not thread-safe: one instance per stream, fed sequentially.
 */
public final class SseEventParser {

  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private boolean lastWasCarriageReturn;
  private String eventName;
  private StringBuilder data;

  /** Feeds the next chunk; returns the events it completes, in order. */
  public List<SseEvent> feed(ByteBuffer chunk) {
    List<SseEvent> events = new ArrayList<>(2);
    while (chunk.hasRemaining()) {
      byte b = chunk.get();
      if (b == '\n' && lastWasCarriageReturn) {
        lastWasCarriageReturn = false; // the \n of a \r\n: the line already ended
        continue;
      }
      lastWasCarriageReturn = b == '\r';
      if (b == '\n' || b == '\r') {
        endLine(events);
      } else {
        line.write(b);
      }
    }
    return events;
  }

  /** Feeds a chunk held in an array. */
  public List<SseEvent> feed(byte[] chunk) {
    return feed(ByteBuffer.wrap(chunk));
  }

  /**
   * The stream ended: returns the event still pending if the stream did not end with a blank line
   * (some upstreams omit the last one).
   */
  public List<SseEvent> finish() {
    List<SseEvent> events = new ArrayList<>(1);
    if (line.size() > 0) {
      endLine(events);
    }
    dispatch(events);
    return events;
  }

  private void endLine(List<SseEvent> events) {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.isEmpty()) {
      dispatch(events);
      return;
    }
    if (text.charAt(0) == ':') {
      return; // comment, often a keep-alive
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> eventName = value;
      case "data" -> {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
      default -> {
        // id, retry and unknown fields carry nothing the relay uses
      }
    }
  }

  private void dispatch(List<SseEvent> events) {
    if (data != null) {
      events.add(new SseEvent(eventName, data.toString()));
    }
    eventName = null;
    data = null;
  }
}
