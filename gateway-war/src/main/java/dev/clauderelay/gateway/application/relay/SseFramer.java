package dev.clauderelay.gateway.application.relay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an SSE byte stream into whole events, each exactly the bytes the upstream sent (its
 * terminating blank line included), so the relay forwards events untouched yet never half of one:
 * when an upstream dies mid-event, the client receives only complete events and then the relay's
 * {@code error} event. Lines may end with {@code \n}, {@code \r\n} or {@code \r}, split across
 * chunks anywhere.
 */
final class SseFramer {

  private byte[] pending = new byte[0];

  /** Bytes of {@link #pending} already scanned. */
  private int scanned;

  /** Whether the byte at {@link #scanned} starts a line. */
  private boolean lineStart = true;

  /** The last scanned byte was a {@code \r}: a following {@code \n} belongs to it. */
  private boolean carriageReturn;

  /** The pending {@code \r} ends an empty line, so it ends an event. */
  private boolean carriageReturnEndsEvent;

  /** Adds a chunk; returns the events it completes. */
  List<byte[]> feed(byte[] chunk, int offset, int length) {
    byte[] joined = Arrays.copyOf(pending, pending.length + length);
    System.arraycopy(chunk, offset, joined, pending.length, length);
    pending = joined;
    List<byte[]> events = new ArrayList<>(2);
    int eventStart = 0;
    for (int i = scanned; i < pending.length; i++) {
      byte b = pending[i];
      if (carriageReturn) {
        carriageReturn = false;
        boolean endsEvent = carriageReturnEndsEvent;
        carriageReturnEndsEvent = false;
        if (b == '\n') {
          if (endsEvent) {
            events.add(Arrays.copyOfRange(pending, eventStart, i + 1));
            eventStart = i + 1;
          }
          continue;
        }
        if (endsEvent) {
          events.add(Arrays.copyOfRange(pending, eventStart, i));
          eventStart = i;
        }
      }
      if (b == '\r') {
        carriageReturn = true;
        carriageReturnEndsEvent = lineStart;
        lineStart = true;
      } else if (b == '\n') {
        if (lineStart) {
          events.add(Arrays.copyOfRange(pending, eventStart, i + 1));
          eventStart = i + 1;
        }
        lineStart = true;
      } else {
        lineStart = false;
      }
    }
    pending = Arrays.copyOfRange(pending, eventStart, pending.length);
    scanned = pending.length;
    return events;
  }

  /**
   * The stream ended: returns the last event if it lacked only its final line end (a lone {@code
   * \r} still undecided), else nothing.
   */
  List<byte[]> finish() {
    if (carriageReturn && carriageReturnEndsEvent && pending.length > 0) {
      byte[] last = pending;
      pending = new byte[0];
      scanned = 0;
      return List.of(last);
    }
    return List.of();
  }

  /** Whether the upstream began an event it did not finish. */
  boolean hasPartialEvent() {
    for (byte b : pending) {
      if (b != '\n' && b != '\r') {
        return true;
      }
    }
    return false;
  }
}
