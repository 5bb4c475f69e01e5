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
 * <p>Linear in the bytes fed, and bounded: an event (its lines up to the blank line that ends it)
 * longer than the parser's bound ends the parse with {@link SseEventTooLargeException}, so a broken
 * upstream cannot make the caller hold an unbounded event (since 1.2).
 *
 * <p>Not thread-safe: one instance per stream, fed sequentially.
 */
public final class SseEventParser {

  /**
   * The default bound on one event, 8 MiB. Real events are far smaller: a text or tool-argument
   * delta is a few tokens, and the largest, a server tool's result block, stays well under a
   * megabyte. An event this large is a broken upstream, and holding it for every open stream would
   * let one such upstream exhaust the relay's memory.
   */
  public static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

  /** Room a line buffer keeps after a long line; beyond it, the buffer is given back. */
  private static final int RETAINED_LINE_CAPACITY = 64 * 1024;

  private final int maxEventBytes;
  private ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private boolean lastWasCarriageReturn;
  private String eventName;
  private StringBuilder data;

  /** Bytes of the event in progress, its line ends included. */
  private int eventBytes;

  /** A parser bounded by {@link #MAX_EVENT_BYTES}. */
  public SseEventParser() {
    this(MAX_EVENT_BYTES);
  }

  /**
   * A parser with its own bound on one event.
   *
   * @param maxEventBytes the most bytes an event may have, line ends included; at least 1
   * @since 1.2
   */
  public SseEventParser(int maxEventBytes) {
    if (maxEventBytes < 1) {
      throw new IllegalArgumentException("maxEventBytes must be positive: " + maxEventBytes);
    }
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Feeds the next chunk; returns the events it completes, in order.
   *
   * @throws SseEventTooLargeException when the event in progress exceeds the bound; the parser is
   *     then spent
   */
  public List<SseEvent> feed(ByteBuffer chunk) {
    List<SseEvent> events = new ArrayList<>(2);
    while (chunk.hasRemaining()) {
      byte b = chunk.get();
      if (b == '\n' && lastWasCarriageReturn) {
        lastWasCarriageReturn = false; // the \n of a \r\n: the line already ended
        continue;
      }
      if (++eventBytes > maxEventBytes) {
        line = new ByteArrayOutputStream(0);
        data = null;
        throw new SseEventTooLargeException(maxEventBytes, events);
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

  /**
   * Feeds a chunk held in an array.
   *
   * @throws SseEventTooLargeException as {@link #feed(ByteBuffer)}
   */
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
    if (line.size() > RETAINED_LINE_CAPACITY) {
      line = new ByteArrayOutputStream(256);
    } else {
      line.reset();
    }
    if (text.isEmpty()) {
      dispatch(events);
      eventBytes = 0;
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
