package dev.clauderelay.gateway.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The wall clock of what the relay decides by the calendar (budget periods and their resets). A
 * bean, so that a test deployment can replace it with a clock it moves, and see a budget reset
 * without waiting for midnight.
 */
@ApplicationScoped
public class RelayClock {

  /** Milliseconds since the epoch, as {@link System#currentTimeMillis()}. */
  public long millis() {
    return System.currentTimeMillis();
  }
}
