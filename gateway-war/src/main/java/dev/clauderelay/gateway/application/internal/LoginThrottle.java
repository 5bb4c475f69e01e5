package dev.clauderelay.gateway.application.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per client address: after {@value #FREE_ATTEMPTS} failures within a
 * quarter of an hour, each further failure locks the address out for twice as long as the last (30
 * s, 60 s, ... up to 15 min). A success clears the address.
 */
final class LoginThrottle {

  static final int FREE_ATTEMPTS = 5;
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  private static final Duration MAX_LOCK = Duration.ofMinutes(15);
  private static final int MAX_TRACKED_ADDRESSES = 10_000;

  private record Failures(int count, Instant firstAt, Instant lockedUntil) {}

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code address} must still wait before trying, if it is locked out. */
  Optional<Duration> lockedFor(String address) {
    Failures failures = byAddress.get(address);
    Instant now = clock.instant();
    if (failures == null
        || failures.lockedUntil() == null
        || !now.isBefore(failures.lockedUntil())) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, failures.lockedUntil()));
  }

  void recordFailure(String address) {
    Instant now = clock.instant();
    if (byAddress.size() >= MAX_TRACKED_ADDRESSES) {
      byAddress.values().removeIf(f -> f.firstAt().plus(WINDOW.multipliedBy(2)).isBefore(now));
    }
    byAddress.compute(
        address,
        (key, previous) -> {
          Failures current = isStale(previous, now) ? new Failures(0, now, null) : previous;
          int count = current.count() + 1;
          Instant lockedUntil = null;
          if (count >= FREE_ATTEMPTS) {
            Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(count - FREE_ATTEMPTS, 10));
            lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
          }
          return new Failures(count, current.firstAt(), lockedUntil);
        });
  }

  /** No record, or one whose window has passed and which locks nothing any more. */
  private static boolean isStale(Failures failures, Instant now) {
    if (failures == null) {
      return true;
    }
    boolean windowPassed = failures.firstAt().plus(WINDOW).isBefore(now);
    boolean lockPassed = failures.lockedUntil() == null || failures.lockedUntil().isBefore(now);
    return windowPassed && lockPassed;
  }

  void recordSuccess(String address) {
    byAddress.remove(address);
  }
}
