package dev.clauderelay.gateway.application.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateWindowTest {

  @Test
  void countsTheRequestsOfTheLast60SecondsAndRefusesBeyondTheLimit() {
    RateWindow window = new RateWindow();
    long t0 = 1_795_728_600_000L;
    assertThat(window.tryAcquire(t0, 2)).isTrue();
    assertThat(window.tryAcquire(t0 + 30_000, 2)).isTrue();
    assertThat(window.tryAcquire(t0 + 59_999, 2)).isFalse();

    assertThat(window.count(t0 + 60_000)).as("the first has left the window").isEqualTo(1);
    assertThat(window.tryAcquire(t0 + 60_000, 2)).isTrue();
    assertThat(window.count(t0 + 200_000)).isZero();
  }
}
