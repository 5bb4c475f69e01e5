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
 *
 * <p>Its memory is bounded: it follows at most {@value #MAX_TRACKED_ADDRESSES} addresses, and once
 * that many have failed recently, every further address shares one record, so an attacker who
 * rotates addresses (an IPv6 range, a botnet) fills the table and is then throttled as one. IPv6
 * addresses count by their /64, the block one subscriber usually holds.
 */
final class LoginThrottle {

  static final int FREE_ATTEMPTS = 5;
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  private static final Duration MAX_LOCK = Duration.ofMinutes(15);
  static final int MAX_TRACKED_ADDRESSES = 10_000;

  /** The record every address shares while the table is full. */
  static final String OVERFLOW = "(any other address)";

  private record Failures(int count, Instant firstAt, Instant lockedUntil) {}

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code address} must still wait before trying, if it is locked out. */
  Optional<Duration> lockedFor(String address) {
    String key = key(address);
    Failures failures = byAddress.get(key);
    if (failures == null) {
      failures = byAddress.get(OVERFLOW);
    }
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
    String key = key(address);
    if (!byAddress.containsKey(key) && byAddress.size() >= MAX_TRACKED_ADDRESSES) {
      byAddress.values().removeIf(f -> isStale(f, now));
      if (byAddress.size() >= MAX_TRACKED_ADDRESSES) {
        key = OVERFLOW;
      }
    }
    byAddress.compute(
        key,
        (ignored, previous) -> {
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
    byAddress.remove(key(address));
  }

  /** Addresses followed now; for tests. */
  int tracked() {
    return byAddress.size();
  }

  /** An IPv4 address as it is; an IPv6 one by its first four groups (its /64). */
  static String key(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address == null ? "" : address;
    }
    try {
      byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        prefix.append(':');
      }
      return prefix.append(":/64").toString();
    } catch (java.net.UnknownHostException e) {
      return address; // not an address literal: nothing to group
    }
  }
}
