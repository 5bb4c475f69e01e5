package dev.clauderelay.plugin.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
  private static final byte[] DATA = {'d', 'a', 't', 'a'};

  private final int maxEventBytes;

  /** The start of a line a chunk cut, until the chunk that ends it. */
  private byte[] line = new byte[256];

  private int lineLength;
  private boolean lastWasCarriageReturn;
  private String eventName;

  /** The event's data while it has one line, the common case: no copy into a builder. */
  private String data;

  /** The event's data once it has a second line. */
  private StringBuilder dataLines;

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
    if (chunk.hasArray()) {
      int start = chunk.arrayOffset() + chunk.position();
      int length = chunk.remaining();
      chunk.position(chunk.limit());
      feed(chunk.array(), start, start + length, events);
    } else {
      byte[] copy = new byte[chunk.remaining()];
      chunk.get(copy);
      feed(copy, 0, copy.length, events);
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
    if (lineLength > 0) {
      int length = lineLength;
      lineLength = 0;
      endLine(line, 0, length, events);
    }
    dispatch(events);
    return events;
  }

  /**
   * A line at a time, not a byte at a time: the bytes between two line ends are looked at once to
   * find the end, and once more when the line is read, straight from the chunk unless a chunk
   * boundary cut the line.
   */
  private void feed(byte[] bytes, int from, int to, List<SseEvent> events) {
    int at = from;
    while (at < to) {
      if (lastWasCarriageReturn && bytes[at] == '\n') {
        lastWasCarriageReturn = false; // the \n of a \r\n: the line already ended
        at++;
        continue;
      }
      int end = at;
      while (end < to && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      boolean lineEnds = end < to;
      // Counted: each byte of a line, and its end as one byte (\r\n included).
      long counted = (long) eventBytes + (end - at) + (lineEnds ? 1 : 0);
      if (counted > maxEventBytes) {
        line = new byte[0];
        lineLength = 0;
        data = null;
        dataLines = null;
        throw new SseEventTooLargeException(maxEventBytes, events);
      }
      eventBytes = (int) counted;
      if (!lineEnds) {
        append(bytes, at, end - at);
        lastWasCarriageReturn = false;
        return;
      }
      lastWasCarriageReturn = bytes[end] == '\r';
      if (lineLength == 0) {
        endLine(bytes, at, end - at, events);
      } else {
        append(bytes, at, end - at);
        int length = lineLength;
        lineLength = 0;
        endLine(line, 0, length, events);
        if (line.length > RETAINED_LINE_CAPACITY) {
          line = new byte[256];
        }
      }
      at = end + 1;
    }
  }

  private void append(byte[] bytes, int from, int length) {
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + length, line.length * 2));
    }
    System.arraycopy(bytes, from, line, lineLength, length);
    lineLength += length;
  }

  private void endLine(byte[] bytes, int from, int length, List<SseEvent> events) {
    if (length == 0) {
      dispatch(events);
      eventBytes = 0;
      return;
    }
    if (bytes[from] == ':') {
      return; // comment, often a keep-alive
    }
    int colon = from;
    int end = from + length;
    while (colon < end && bytes[colon] != ':') {
      colon++;
    }
    int fieldLength = colon - from;
    int value = Math.min(colon + 1, end);
    if (value < end && bytes[value] == ' ') {
      value++;
    }
    if (is(DATA, bytes, from, fieldLength)) {
      String text = new String(bytes, value, end - value, StandardCharsets.UTF_8);
      if (data == null && dataLines == null) {
        data = text;
      } else {
        if (dataLines == null) {
          dataLines = new StringBuilder(data);
          data = null;
        }
        dataLines.append('\n').append(text);
      }
    } else if (is(EVENT, bytes, from, fieldLength)) {
      eventName = new String(bytes, value, end - value, StandardCharsets.UTF_8);
    }
    // id, retry and unknown fields carry nothing the relay uses
  }

  private static boolean is(byte[] field, byte[] bytes, int from, int length) {
    return length == field.length
        && Arrays.equals(field, 0, field.length, bytes, from, from + length);
  }

  private void dispatch(List<SseEvent> events) {
    String text = dataLines != null ? dataLines.toString() : data;
    if (text != null) {
      events.add(new SseEvent(eventName, text));
    }
    eventName = null;
    data = null;
    dataLines = null;
  }
}
