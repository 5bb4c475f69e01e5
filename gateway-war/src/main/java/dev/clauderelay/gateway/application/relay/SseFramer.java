package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.SseEventParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an SSE byte stream into whole events, each exactly the bytes the upstream sent (its
 * terminating blank line included), so the relay forwards events untouched yet never half of one:
 * when an upstream dies mid-event, the client receives only complete events and then the relay's
 * {@code error} event. Lines may end with {@code \n}, {@code \r\n} or {@code \r}, split across
 * chunks anywhere.
 *
 * <p>Linear in the bytes fed: each byte is scanned once, as it arrives, and copied at most twice
 * (into the unfinished event it belongs to, then into that event's array). An event may not grow
 * beyond {@link #maxEventBytes}; one that does ends the framing with {@link EventTooLarge}, so an
 * upstream cannot make the relay hold an unbounded event. Not thread-safe: one per stream.
 */
final class SseFramer {

  /**
   * Room kept for the unfinished event once a large one has gone out: beyond it, the buffer is
   * given back, so a stream that once carried a big event does not hold its size for its life.
   */
  private static final int RETAINED_CAPACITY = 64 * 1024;

  private final int maxEventBytes;

  /** The unfinished event's bytes seen so far, in {@code [0, pendingLength)}. */
  private byte[] pending = new byte[1024];

  private int pendingLength;

  /** Whether the next byte starts a line. */
  private boolean lineStart = true;

  /** The last scanned byte was a {@code \r}: a following {@code \n} belongs to it. */
  private boolean carriageReturn;

  /** The pending {@code \r} ends an empty line, so it ends an event. */
  private boolean carriageReturnEndsEvent;

  SseFramer() {
    this(SseEventParser.MAX_EVENT_BYTES);
  }

  /** A framer with its own bound, for tests. */
  SseFramer(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Adds a chunk; returns the events it completes.
   *
   * @throws EventTooLarge when the event in progress exceeds the bound; the framer is then spent
   */
  List<byte[]> feed(byte[] chunk, int offset, int length) {
    List<byte[]> events = new ArrayList<>(2);
    int end = offset + length;
    int eventStart = offset; // where the event in progress starts in chunk (after pending)
    for (int i = offset; i < end; i++) {
      byte b = chunk[i];
      if (carriageReturn) {
        carriageReturn = false;
        boolean endsEvent = carriageReturnEndsEvent;
        carriageReturnEndsEvent = false;
        if (b == '\n') {
          if (endsEvent) {
            events.add(takeEvent(chunk, eventStart, i + 1, events));
            eventStart = i + 1;
          }
          continue;
        }
        if (endsEvent) {
          events.add(takeEvent(chunk, eventStart, i, events));
          eventStart = i;
        }
      }
      if (b == '\r') {
        carriageReturn = true;
        carriageReturnEndsEvent = lineStart;
        lineStart = true;
      } else if (b == '\n') {
        if (lineStart) {
          events.add(takeEvent(chunk, eventStart, i + 1, events));
          eventStart = i + 1;
        }
        lineStart = true;
      } else {
        lineStart = false;
      }
    }
    keep(chunk, eventStart, end, events);
    return events;
  }

  /** The event made of the pending bytes and {@code chunk[from, to)}; pending is then empty. */
  private byte[] takeEvent(byte[] chunk, int from, int to, List<byte[]> completed) {
    int size = pendingLength + (to - from);
    requireWithinBound(size, completed);
    byte[] event = new byte[size];
    System.arraycopy(pending, 0, event, 0, pendingLength);
    System.arraycopy(chunk, from, event, pendingLength, to - from);
    pendingLength = 0;
    if (pending.length > RETAINED_CAPACITY) {
      pending = new byte[1024];
    }
    return event;
  }

  /** Appends {@code chunk[from, to)} to the unfinished event. */
  private void keep(byte[] chunk, int from, int to, List<byte[]> completed) {
    int size = pendingLength + (to - from);
    requireWithinBound(size, completed);
    if (size > pending.length) {
      pending = Arrays.copyOf(pending, Math.min(maxEventBytes, Math.max(size, 2 * pending.length)));
    }
    System.arraycopy(chunk, from, pending, pendingLength, to - from);
    pendingLength = size;
  }

  private void requireWithinBound(int size, List<byte[]> completed) {
    if (size > maxEventBytes) {
      pending = new byte[0];
      pendingLength = 0;
      throw new EventTooLarge(maxEventBytes, completed);
    }
  }

  /**
   * The stream ended: returns the last event if it lacked only its final line end (a lone {@code
   * \r} still undecided), else nothing.
   */
  List<byte[]> finish() {
    if (carriageReturn && carriageReturnEndsEvent && pendingLength > 0) {
      byte[] last = Arrays.copyOf(pending, pendingLength);
      pendingLength = 0;
      return List.of(last);
    }
    return List.of();
  }

  /** Whether the upstream began an event it did not finish. */
  boolean hasPartialEvent() {
    for (int i = 0; i < pendingLength; i++) {
      if (pending[i] != '\n' && pending[i] != '\r') {
        return true;
      }
    }
    return false;
  }

  /** Bytes held for the unfinished event; never more than the bound. */
  int pendingBytes() {
    return pendingLength;
  }

  /**
   * An upstream event grew beyond the bound. The events the same chunk completed before it are kept
   * here, so the client still receives every whole event the upstream finished.
   */
  static final class EventTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<byte[]> completedEvents;

    EventTooLarge(int maxEventBytes, List<byte[]> completedEvents) {
      super("an upstream event exceeds " + maxEventBytes + " bytes", null, false, false);
      this.completedEvents = List.copyOf(completedEvents);
    }

    List<byte[]> completedEvents() {
      return completedEvents;
    }
  }
}
