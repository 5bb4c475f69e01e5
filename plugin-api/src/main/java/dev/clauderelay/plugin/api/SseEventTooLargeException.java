package dev.clauderelay.plugin.api;

import java.util.List;

/**
 * An SSE stream carried an event larger than its parser's bound: the stream is broken (a faulty or
 * hostile upstream) and must end. The events the same chunk completed before the oversized one are
 * kept, so a caller can still pass on every whole event before it. Since 1.2.
 */
public final class SseEventTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int maxEventBytes;
  private final transient List<SseEvent> completedEvents;

  public SseEventTooLargeException(int maxEventBytes, List<SseEvent> completedEvents) {
    super("an SSE event exceeds " + maxEventBytes + " bytes", null, false, false);
    this.maxEventBytes = maxEventBytes;
    this.completedEvents = List.copyOf(completedEvents);
  }

  /** The bound the event exceeded, in bytes. */
  public int maxEventBytes() {
    return maxEventBytes;
  }

  /** The events completed before the oversized one in the chunk that broke the bound, in order. */
  public List<SseEvent> completedEvents() {
    return completedEvents;
  }
}
