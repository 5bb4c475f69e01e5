package dev.clauderelay.gateway.application.relay;

import static dev.clauderelay.gateway.application.relay.ExchangeDeadlines.Passed.IDLE;
import static dev.clauderelay.gateway.application.relay.ExchangeDeadlines.Passed.NONE;
import static dev.clauderelay.gateway.application.relay.ExchangeDeadlines.Passed.TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExchangeDeadlinesTest {

  private static final long SECOND = 1_000_000_000L;
  private static final Duration IDLE_BOUND = Duration.ofSeconds(5);
  private static final Duration TOTAL_BOUND = Duration.ofSeconds(60);

  private static ExchangeDeadlines.Passed at(long now, long lastByte, boolean reading) {
    return ExchangeDeadlines.check(
        now * SECOND, 0, lastByte * SECOND, reading, IDLE_BOUND, TOTAL_BOUND);
  }

  @Test
  void aBodySilentForLongerThanTheIdleBoundHasStalledStreamOrNot() {
    assertThat(at(10, 6, true)).isEqualTo(NONE);
    assertThat(at(12, 6, true)).isEqualTo(IDLE);
  }

  @Test
  void waitingForHeadersIsNotIdleTheFirstByteTimeoutCoversIt() {
    assertThat(at(30, 0, false)).isEqualTo(NONE);
  }

  @Test
  void theTotalBoundCountsFromArrivalAndWinsOverIdle() {
    assertThat(at(59, 58, true)).isEqualTo(NONE);
    assertThat(at(61, 60, true)).as("a stream that never goes quiet").isEqualTo(TOTAL);
    assertThat(at(61, 0, false)).as("between attempts").isEqualTo(TOTAL);
    assertThat(at(70, 0, true)).isEqualTo(TOTAL);
  }
}
