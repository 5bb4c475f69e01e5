package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import java.time.Duration;

/**
 * Which of an exchange's time bounds has passed, if any: the total bound counts from the request's
 * arrival (the client's wait, attempts included), the idle bound from the upstream's last byte and
 * only while an answer's body is read (the wait for headers has its own first-byte timeout). And
 * how the client is told that the total bound has passed.
 */
final class ExchangeDeadlines {

  /** The bound that has passed. */
  enum Passed {
    NONE,
    /** No upstream byte for longer than the idle bound while a body is read. */
    IDLE,
    /** The request is older than its total bound; it wins over an idle one. */
    TOTAL
  }

  private ExchangeDeadlines() {}

  static Passed check(
      long nowNanos,
      long arrivedNanos,
      long lastUpstreamByteNanos,
      boolean readingBody,
      Duration idleBound,
      Duration totalBound) {
    if (nowNanos - arrivedNanos > totalBound.toNanos()) {
      return Passed.TOTAL;
    }
    if (readingBody && nowNanos - lastUpstreamByteNanos > idleBound.toNanos()) {
      return Passed.IDLE;
    }
    return Passed.NONE;
  }

  /** A bound in whole seconds, rounded up, at least one: how messages state it. */
  static long seconds(Duration bound) {
    return Math.max(1, (bound.toMillis() + 999) / 1000);
  }

  /**
   * The client's error once the total bound has passed.
   *
   * @param failures what the attempts so far left behind, empty when none failed
   */
  static GatewayError totalTimeError(String providerName, long seconds, String failures) {
    return new GatewayError(
        ErrorType.TIMEOUT,
        "The request took longer than the "
            + seconds
            + " s provider "
            + providerName
            + " allows"
            + (failures.isEmpty() ? "." : " (" + failures + ")."));
  }
}
