package dev.clauderelay.intake;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory the relay lets request bodies take at once, across every request in flight: a body is
 * refused (529, retry shortly) when it would pass the budget, so no number of concurrent large
 * bodies can exhaust the heap. Counted in bytes, not requests: ten 31 MB bodies weigh what they
 * weigh, a thousand small ones hardly anything.
 */
public final class BodyBudget {

  private final long capacity;
  private final AtomicLong reserved = new AtomicLong();

  public BodyBudget(long capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** Takes {@code bytes} from the budget if they fit; nothing is taken otherwise. */
  boolean tryReserve(long bytes) {
    if (bytes <= 0) {
      return true;
    }
    long current;
    do {
      current = reserved.get();
      if (current + bytes > capacity) {
        return false;
      }
    } while (!reserved.compareAndSet(current, current + bytes));
    return true;
  }

  void release(long bytes) {
    if (bytes > 0) {
      reserved.addAndGet(-bytes);
    }
  }

  public long reserved() {
    return reserved.get();
  }

  public long capacity() {
    return capacity;
  }
}
