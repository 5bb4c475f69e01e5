package dev.clauderelay.gateway.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void allowsFourFailuresThenLocksTheAddressOut() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
      throttle.recordFailure("10.0.0.1");
    }
    assertThat(throttle.lockedFor("10.0.0.1")).isEmpty();

    throttle.recordFailure("10.0.0.1");

    assertThat(throttle.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("10.0.0.2")).isEmpty();
  }

  @Test
  void doublesTheLockWithEachFurtherFailureUpToFifteenMinutes() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      throttle.recordFailure("a");
    }
    throttle.recordFailure("a");
    assertThat(throttle.lockedFor("a")).contains(Duration.ofSeconds(60));

    for (int i = 0; i < 20; i++) {
      throttle.recordFailure("a");
    }
    assertThat(throttle.lockedFor("a")).contains(Duration.ofMinutes(15));
  }

  @Test
  void unlocksWhenTheLockPassesAndForgetsAfterSuccess() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      throttle.recordFailure("a");
    }
    clock.advance(Duration.ofSeconds(31));
    assertThat(throttle.lockedFor("a")).isEmpty();

    throttle.recordSuccess("a");
    throttle.recordFailure("a");
    assertThat(throttle.lockedFor("a")).isEmpty();
  }

  @Test
  void startsAFreshWindowAfterFifteenQuietMinutes() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
      throttle.recordFailure("a");
    }
    clock.advance(Duration.ofMinutes(16));
    throttle.recordFailure("a");

    assertThat(throttle.lockedFor("a")).isEmpty();
  }
}
