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

  @Test
  void followsABoundedNumberOfAddressesAndThrottlesTheRestAsOne() {
    for (int i = 0; i < LoginThrottle.MAX_TRACKED_ADDRESSES + 5_000; i++) {
      throttle.recordFailure("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }
    assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED_ADDRESSES + 1);

    // A fresh address while the table is full shares the flood's record: it is locked too.
    assertThat(throttle.lockedFor("192.0.2.77")).isPresent();
    // An address that had failed once before the flood keeps its own, unlocked record.
    assertThat(throttle.lockedFor("10.0.0.0")).isEmpty();
  }

  @Test
  void countsAnIpv6AddressByItsSlash64() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      throttle.recordFailure("2001:db8:1:2::" + Integer.toHexString(i + 1));
    }
    assertThat(throttle.lockedFor("2001:db8:1:2:ffff::9")).isPresent();
    assertThat(throttle.lockedFor("2001:db8:1:3::1")).isEmpty();
    assertThat(LoginThrottle.key("2001:0db8:0001:0002:0000:0000:0000:0001"))
        .isEqualTo(LoginThrottle.key("2001:db8:1:2::abcd"));
  }
}
